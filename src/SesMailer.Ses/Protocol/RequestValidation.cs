namespace SesMailer.Ses.Protocol;

/// <summary>
/// Checks requests before anything is sent. Each failure names the field and the rule; nothing is repaired.
/// </summary>
internal static class RequestValidation
{
    /// <summary>SES v1 accepts at most 50 recipients per message (To + Cc + Bcc).</summary>
    public const int MaxRecipients = 50;

    /// <summary>SES v1 accepts a raw message of at most 10 MB after base64 encoding.</summary>
    public const long MaxRawMessageBytes = 10L * 1024 * 1024;

    /// <summary>GetIdentityVerificationAttributes takes at most 100 identities a call.</summary>
    public const int VerificationBatchSize = 100;

    /// <summary>An error naming the request field and the rule it breaks.</summary>
    public static ArgumentException Invalid(string field, string rule) => new($"{field} {rule}", field);

    public static void Text(string? value, string field, bool required = true)
    {
        if (value is null || value.Length == 0)
        {
            if (required)
            {
                throw new ArgumentException($"{field} is required.", field);
            }

            return;
        }

        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException($"{field} must not contain CR or LF (header injection).", field);
        }
    }

    /// <summary>An address: present, one line, 7-bit ASCII (SES has no SMTPUTF8), with an @.</summary>
    public static void Address(string? value, string field, bool required = true)
    {
        Text(value, field, required);
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (!System.Text.Ascii.IsValid(value))
        {
            throw new ArgumentException(
                $"{field} must be 7-bit ASCII: SES has no SMTPUTF8 (write a non-ASCII domain as punycode and a display name as an RFC 2047 encoded-word); it is \"{value}\".", field);
        }

        if (!value.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{field} must be an email address (local@domain); it is \"{value}\".", field);
        }
    }

    public static void Addresses(IReadOnlyList<string>? values, string field)
    {
        ArgumentNullException.ThrowIfNull(values, field);
        for (var i = 0; i < values.Count; i++)
        {
            Address(values[i], $"{field}[{i}]");
        }
    }

    public static void RecipientCount(int count, string field, bool required)
    {
        if (required && count == 0)
        {
            throw new ArgumentException($"{field}: at least one recipient is required.", field);
        }

        if (count > MaxRecipients)
        {
            throw new ArgumentException($"{field}: SES accepts at most {MaxRecipients} recipients per message (To + Cc + Bcc); there are {count}.", field);
        }
    }

    /// <summary>Tag names and values: 1 to 256 characters of <c>[A-Za-z0-9_-]</c>.</summary>
    public static void Tags(IReadOnlyList<SesMessageTag>? tags, string field)
    {
        ArgumentNullException.ThrowIfNull(tags, field);
        for (var i = 0; i < tags.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(tags[i], $"{field}[{i}]");
            TagPart(tags[i].Name, $"{field}[{i}].Name");
            TagPart(tags[i].Value, $"{field}[{i}].Value");
        }
    }

    /// <summary>Configuration set names: 1 to 64 characters of <c>[A-Za-z0-9_-]</c>.</summary>
    public static void ConfigurationSet(string? name, string field)
    {
        if (name is null)
        {
            return;
        }

        if (name.Length is 0 or > 64 || !name.All(IsNameChar))
        {
            throw new ArgumentException($"{field} must be 1 to 64 characters of A-Z, a-z, 0-9, '_' and '-'; it is \"{name}\".", field);
        }
    }

    private static void TagPart(string? value, string field)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 256 || !value.All(IsNameChar))
        {
            throw new ArgumentException($"{field} must be 1 to 256 characters of A-Z, a-z, 0-9, '_' and '-'; it is \"{value}\".", field);
        }
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
}
