using System;
using System.Globalization;

// Part of the rule book (src/Rules/README.md): compiled into the generator, SesMailer and SesMailer.Ses.
namespace SesMailer.Rules;

/// <summary>
/// A mailbox address (<c>local@domain</c>, no display name) against what SES can deliver: SES has no SMTPUTF8, so a
/// non-ASCII local part cannot be sent at all and a non-ASCII domain travels as punycode. Quoted local parts are not
/// accepted: few systems handle them.
/// </summary>
internal static class AddressRule
{
    // DNS limits (RFC 1035) that UTS 46 checks too: a name of at most 253 characters (without a final dot), a label of at most 63.
    private const int MaxHostNameLength = 253;
    private const int MaxLabelLength = 63;

    // UseStd3AsciiRules: labels are letters, digits and hyphens only, as DNS host names must be.
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true, AllowUnassigned = false };

    /// <summary>Checks <paramref name="address"/>; when valid, <see cref="RuleResult.Value"/> is <c>local@ascii-domain</c> (punycode, lower case).</summary>
    public static RuleResult ToAscii(string? address)
    {
        var text = address ?? string.Empty;
        var lines = HeaderTextRule.Check(text, "address");
        if (!lines.IsValid)
        {
            return lines;
        }

        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1)
        {
            return Invalid(text, "it must have the form local@domain");
        }

        var local = text.Substring(0, at);
        var domain = text.Substring(at + 1);
        var localError = LocalPart(local, text);
        if (localError is not null)
        {
            return localError;
        }

        string ascii;
        if (IsPlainHostName(domain))
        {
            // What IdnMapping gives for such a name (it only maps upper case to lower case), without the ICU call.
            ascii = domain;
        }
        else
        {
            try
            {
                ascii = Idn.GetAscii(domain);
            }
            catch (ArgumentException)
            {
                return Invalid(text, $"'{domain}' is not a valid domain name");
            }
        }

        if (ascii.IndexOf('.') < 0 || ascii[ascii.Length - 1] == '.')
        {
            return Invalid(text, $"'{domain}' is not a fully qualified domain name");
        }

        var lower = ascii.ToLowerInvariant();
        return RuleResult.Valid(ReferenceEquals(lower, domain) ? text : local + "@" + lower);
    }

    /// <summary>
    /// Checks an address that goes on the wire as it is (an SES request): valid, and already ASCII. A non-ASCII domain
    /// is refused with its punycode form in the message, not converted: the caller decides what is sent.
    /// </summary>
    public static RuleResult AsSent(string? address)
    {
        var result = ToAscii(address);
        if (result.IsValid && !IsAscii(address!))
        {
            return Invalid(address!, $"SES has no SMTPUTF8, so the domain must be written in ASCII: send '{result.Value}' (punycode)");
        }

        return result;
    }

    private static RuleResult? LocalPart(string local, string text)
    {
        if (!IsAscii(local))
        {
            return RuleResult.Broken(RuleIds.AsciiLocalPart,
                $"'{text}' has a non-ASCII character before the '@'. SES does not support internationalized local parts (no SMTPUTF8); " +
                "use an ASCII address for this recipient.");
        }

        if (local.Length > RuleLimits.LocalPartLengthLimit)
        {
            return Invalid(text, $"the part before '@' is longer than {RuleLimits.LocalPartLengthLimit} characters");
        }

        if (local[0] == '.' || local[local.Length - 1] == '.' || local.Contains(".."))
        {
            return Invalid(text, "the part before '@' may not start or end with a dot or contain two dots in a row");
        }

        foreach (var c in local)
        {
            if (!IsDotAtomCharacter(c))
            {
                return Invalid(text, $"the part before '@' contains '{c}', which needs quoting; quoted local parts are not accepted");
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="domain"/> is an ASCII host name that IdnMapping (UTS 46, STD3 rules) accepts unchanged
    /// but for case: 1 to 253 characters, labels of 1 to 63 letters, digits and hyphens, none starting or ending
    /// with a hyphen or having hyphens in its 3rd and 4th places (which also leaves every "xn--" label to IdnMapping,
    /// which decodes and checks it). Anything else, valid or not, goes through IdnMapping.
    /// </summary>
    private static bool IsPlainHostName(string domain)
    {
        if (domain.Length == 0 || domain.Length > MaxHostNameLength)
        {
            return false;
        }

        var start = 0;
        for (var i = 0; i <= domain.Length; i++)
        {
            if (i < domain.Length && domain[i] != '.')
            {
                var c = domain[i];
                if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-'))
                {
                    return false;
                }

                continue;
            }

            var length = i - start;
            if (length is 0 or > MaxLabelLength
                || domain[start] == '-' || domain[i - 1] == '-'
                || (length >= 4 && domain[start + 2] == '-' && domain[start + 3] == '-'))
            {
                return false;
            }

            start = i + 1;
        }

        return true;
    }

    // atext of RFC 5322 and the dot: a dot-atom local part.
    private static bool IsDotAtomCharacter(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '.'
            or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '/' or '=' or '?' or '^' or '_' or '`' or '{' or '|' or '}' or '~';

    private static bool IsAscii(string text)
    {
        foreach (var c in text)
        {
            if (c > 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    private static RuleResult Invalid(string text, string why) =>
        RuleResult.Broken(RuleIds.ValidAddress, $"'{text}' is not a valid email address: {why}.");
}
