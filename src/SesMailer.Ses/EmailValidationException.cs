namespace SesMailer.Ses;

/// <summary>
/// A message or an SES request breaks a rule that SES or the mail standards impose. Thrown before anything is sent, by
/// the mailer and by <see cref="SesClient"/> alike; <see cref="ArgumentException.ParamName"/> names the offending field
/// (for example <c>To[2]</c>, <c>Headers[X-Campaign]</c> or <c>Destinations[0]</c>) and <see cref="Rule"/> says which
/// rule it broke (one of the ids in <see cref="EmailRules"/>).
/// </summary>
public class EmailValidationException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="field"/> breaking <paramref name="rule"/>.</summary>
    /// <param name="field">The field, for example <c>Subject</c>.</param>
    /// <param name="rule">The rule's id (<see cref="EmailRules"/>).</param>
    /// <param name="message">What is wrong and what to do, starting with the field.</param>
    public EmailValidationException(string field, string rule, string message)
        : base(message, field)
    {
        Field = field;
        Rule = rule;
    }

    /// <summary>The field that broke the rule, for example <c>Subject</c> or <c>Cc[0].DisplayName</c>.</summary>
    public string Field { get; }

    /// <summary>A short, stable name of the rule, for example <c>no-line-breaks</c> (see <see cref="EmailRules"/>).</summary>
    public string Rule { get; }
}
