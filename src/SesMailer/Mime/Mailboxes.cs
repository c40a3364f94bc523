using SesMailer.Rules;
using SesMailer.Rules.Runtime;
using SesMailer.Ses;

namespace SesMailer.Mime;

/// <summary>Checks an <see cref="EmailAddress"/> with the rule book (src/Rules) and returns its address in the form to send.</summary>
internal static class Mailboxes
{
    /// <summary>
    /// The first rule <paramref name="address"/> breaks (its display name first), or success with the address in the form
    /// to send; <c>FieldSuffix</c> is <c>.DisplayName</c> when the display name broke the rule.
    /// </summary>
    public static (RuleResult Result, string FieldSuffix) Check(EmailAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.DisplayName is { } name && HeaderTextRule.Check(name, "display name") is { IsValid: false } broken)
        {
            return (broken, ".DisplayName");
        }

        return (AddressRule.ToAscii(address.Address), string.Empty);
    }

    /// <summary>Returns <c>local@ascii-domain</c> (a non-ASCII domain as punycode) or throws naming <paramref name="field"/>.</summary>
    /// <exception cref="EmailValidationException">The address or its display name breaks a rule.</exception>
    public static string ToAscii(EmailAddress address, string field)
    {
        var (result, suffix) = Check(address);
        return result.ThrowIfBroken(field + suffix).Value!;
    }
}
