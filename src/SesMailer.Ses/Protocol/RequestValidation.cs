using SesMailer.Rules;
using SesMailer.Rules.Runtime;
using SesMailer.Ses.Model;

namespace SesMailer.Ses.Protocol;

/// <summary>
/// Checks requests before anything is sent, with the rule book the mailer uses (src/Rules): each failure is an
/// <see cref="EmailValidationException"/> naming the request field and the rule; nothing is repaired.
/// </summary>
internal static class RequestValidation
{
    /// <summary>GetIdentityVerificationAttributes takes at most 100 identities a call.</summary>
    public const int VerificationBatchSize = 100;

    /// <summary>An error naming a request field outside the rule book (a page size, a domain) and what it must be.</summary>
    public static ArgumentException Invalid(string field, string rule) => new($"{field} {rule}", field);

    /// <summary>A field that must be present when <paramref name="required"/>, on one line.</summary>
    public static void Text(string? value, string field, bool required = true)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                throw Missing(field, $"{field}: a value is required.");
            }

            return;
        }

        HeaderTextRule.Check(value, "value").ThrowIfBroken(field);
    }

    /// <summary>A missing required field (rule <c>required</c>).</summary>
    public static EmailValidationException Missing(string field, string message) => new(field, RuleIds.Required, message);

    /// <summary>
    /// An address as it goes on the wire: <c>local@domain</c> or <c>Display Name &lt;local@domain&gt;</c>, valid and 7-bit
    /// ASCII (SES has no SMTPUTF8: a non-ASCII domain is written as punycode, a display name as an RFC 2047 encoded-word).
    /// </summary>
    public static void Address(string? value, string field, bool required = true)
    {
        Text(value, field, required);
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var address = value;
        var open = value.LastIndexOf('<');
        if (open >= 0 && value.EndsWith('>'))
        {
            var display = value[..open];
            if (!System.Text.Ascii.IsValid(display))
            {
                throw new EmailValidationException(field, RuleIds.ValidAddress,
                    $"{field}: the display name of '{value}' is not ASCII; SES has no SMTPUTF8, so write it as an RFC 2047 encoded-word (=?utf-8?b?…?=).");
            }

            address = value[(open + 1)..^1];
        }

        AddressRule.AsSent(address).ThrowIfBroken(field);
    }

    public static void Addresses(IReadOnlyList<string>? values, string field)
    {
        ArgumentNullException.ThrowIfNull(values, field);
        for (var i = 0; i < values.Count; i++)
        {
            Address(values[i], $"{field}[{i}]");
        }
    }

    /// <summary>The recipients of one message, each mailbox counted once: at most 50, and at least one when <paramref name="required"/>.</summary>
    public static void Recipients(IEnumerable<string> recipients, string field, bool required)
    {
        var count = RecipientRule.Distinct(recipients).Count;
        if (required && count == 0)
        {
            throw Missing(field, $"{field}: at least one recipient is required.");
        }

        RecipientRule.Check(count).ThrowIfBroken(field);
    }

    /// <summary>The raw MIME message: present, and at most 10 MB as SES counts it (the MIME bytes, not their base64 in the request).</summary>
    public static void RawMessage(ReadOnlyMemory<byte> message, string field)
    {
        if (message.IsEmpty)
        {
            throw Missing(field, $"{field}: the whole MIME message is required.");
        }

        MessageSizeRule.Check(message.Length).ThrowIfBroken(field);
    }

    /// <summary>Tag names and values: 1 to 256 characters of <c>[A-Za-z0-9_-]</c>.</summary>
    public static void Tags(IReadOnlyList<SesMessageTag>? tags, string field)
    {
        ArgumentNullException.ThrowIfNull(tags, field);
        for (var i = 0; i < tags.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(tags[i], $"{field}[{i}]");
            TagRule.Check(tags[i].Name, "name").ThrowIfBroken($"{field}[{i}].Name");
            TagRule.Check(tags[i].Value, "value").ThrowIfBroken($"{field}[{i}].Value");
        }
    }

    /// <summary>Configuration set names: 1 to 64 characters of <c>[A-Za-z0-9_-]</c>; <see langword="null"/> for none.</summary>
    public static void ConfigurationSet(string? name, string field) => ConfigurationSetRule.Check(name).ThrowIfBroken(field);
}
