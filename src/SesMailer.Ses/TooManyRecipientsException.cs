using SesMailer.Rules;

namespace SesMailer.Ses;

/// <summary>A message has more distinct recipients (To + Cc + Bcc) than SES accepts in one message.</summary>
public sealed class TooManyRecipientsException : EmailValidationException
{
    /// <summary>Creates the exception for <paramref name="field"/> holding <paramref name="count"/> recipients.</summary>
    /// <param name="field">The field, for example <c>Destinations</c>.</param>
    /// <param name="count">How many distinct recipients there are.</param>
    /// <param name="limit">The most recipients one message may have.</param>
    /// <param name="message">What is wrong and what to do, starting with the field.</param>
    public TooManyRecipientsException(string field, int count, int limit, string message)
        : base(field, EmailRules.MaxRecipients, message)
    {
        Count = count;
        Limit = limit;
    }

    /// <summary>How many distinct recipients the message had.</summary>
    public int Count { get; }

    /// <summary>The most recipients one message may have.</summary>
    public int Limit { get; }
}
