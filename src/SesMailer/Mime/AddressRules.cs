using System.Globalization;

namespace SesMailer.Mime;

/// <summary>
/// Checks a mailbox against what SES can deliver and returns its ASCII form: SES has no SMTPUTF8, so a
/// non-ASCII local part cannot be sent at all and a non-ASCII domain travels as punycode.
/// </summary>
internal static class AddressRules
{
    // UseStd3AsciiRules: labels are letters, digits and hyphens only, as DNS host names must be.
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true, AllowUnassigned = false };

    // atext of RFC 5322 (dot-atom): quoted local parts are not accepted, few systems handle them.
    private const string AtextSymbols = "!#$%&'*+-/=?^_`{|}~";

    /// <summary>Returns <c>local@ascii-domain</c> or throws naming <paramref name="field"/>.</summary>
    public static string ToAscii(EmailAddress address, string field)
    {
        ArgumentNullException.ThrowIfNull(address);
        var text = address.Address ?? string.Empty;
        HeaderRules.RejectLineBreaks(text, field, "address");
        if (address.DisplayName is { } name)
        {
            HeaderRules.RejectLineBreaks(name, field + ".DisplayName", "display name");
        }

        var at = text.LastIndexOf('@');
        if (text.Length == 0 || at <= 0 || at == text.Length - 1)
        {
            throw Invalid(field, text, "it must have the form local@domain");
        }

        var local = text[..at];
        var domain = text[(at + 1)..];
        CheckLocalPart(local, text, field);
        return local + "@" + DomainToAscii(domain, text, field);
    }

    private static void CheckLocalPart(string local, string text, string field)
    {
        foreach (var c in local)
        {
            if (c > 0x7F)
            {
                throw new EmailValidationException(field, EmailRules.AsciiLocalPart,
                    $"{field}: '{text}' has a non-ASCII character before the '@'. SES does not support internationalized " +
                    "local parts (no SMTPUTF8); use an ASCII address for this recipient.");
            }
        }

        if (local.Length > 64)
        {
            throw Invalid(field, text, "the part before '@' is longer than 64 characters");
        }

        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            throw Invalid(field, text, "the part before '@' may not start or end with a dot or contain two dots in a row");
        }

        foreach (var c in local)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '.' || AtextSymbols.Contains(c, StringComparison.Ordinal)))
            {
                throw Invalid(field, text, $"the part before '@' contains '{c}', which needs quoting; quoted local parts are not accepted");
            }
        }
    }

    private static string DomainToAscii(string domain, string text, string field)
    {
        string ascii;
        try
        {
            ascii = Idn.GetAscii(domain);
        }
        catch (ArgumentException)
        {
            throw Invalid(field, text, $"'{domain}' is not a valid domain name");
        }

        if (!ascii.Contains('.', StringComparison.Ordinal) || ascii.EndsWith('.'))
        {
            throw Invalid(field, text, $"'{domain}' is not a fully qualified domain name");
        }

        return ascii.ToLowerInvariant();
    }

    private static EmailValidationException Invalid(string field, string text, string why) =>
        new(field, EmailRules.ValidAddress, $"{field}: '{text}' is not a valid email address: {why}.");
}
