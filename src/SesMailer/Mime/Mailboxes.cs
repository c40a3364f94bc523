using SesMailer.Rules;
using SesMailer.Rules.Runtime;
using SesMailer.Ses;

namespace SesMailer.Mime;

/// <summary>Checks an <see cref="EmailAddress"/> with the rule book (src/Rules) and returns its address in the form to send.</summary>
internal static class Mailboxes
{
    /// <summary>Returns <c>local@ascii-domain</c> (a non-ASCII domain as punycode) or throws naming <paramref name="field"/>.</summary>
    /// <exception cref="EmailValidationException">The address or its display name breaks a rule.</exception>
    public static string ToAscii(EmailAddress address, string field)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.DisplayName is { } name)
        {
            HeaderTextRule.Check(name, "display name").ThrowIfBroken(field + ".DisplayName");
        }

        return AddressRule.ToAscii(address.Address).ThrowIfBroken(field).Value!;
    }
}
