using SesMailer.Ses;

// Part of the rule book (src/Rules/README.md), for the runtime assemblies only: SesMailer and SesMailer.Ses (it needs
// SesMailer.Ses's exceptions, which the generator does not have).
namespace SesMailer.Rules.Runtime;

/// <summary>Turns a broken rule into the one exception of a broken rule, <see cref="EmailValidationException"/>, naming the field.</summary>
internal static class RuleViolations
{
    /// <summary>Returns <paramref name="result"/> when valid; else throws for <paramref name="field"/>.</summary>
    /// <exception cref="EmailValidationException">The rule is broken (a <see cref="TooManyRecipientsException"/> or <see cref="MessageTooLargeException"/> for those rules).</exception>
    public static RuleResult ThrowIfBroken(this RuleResult result, string field)
    {
        if (result.IsValid)
        {
            return result;
        }

        var message = field + ": " + result.Message;
        throw result.Rule switch
        {
            RuleIds.MaxRecipients => new TooManyRecipientsException(field, (int)result.Amount, RuleLimits.RecipientLimit, message),
            RuleIds.MaxMessageSize => new MessageTooLargeException(field, result.Amount, RuleLimits.MessageSizeLimit, message),
            _ => new EmailValidationException(field, result.Rule!, message),
        };
    }
}
