namespace SesMailer.Compatibility;

/// <summary>A rendered email to check: its HTML (required), and what else is known of it.</summary>
public sealed class LintInput
{
    /// <summary>The rendered HTML body, as it will be sent.</summary>
    public required string Html { get; init; }

    /// <summary>The text part, when the email has one.</summary>
    public string? Text { get; init; }

    /// <summary>The size of the whole MIME message in bytes, attachments included, when it was built; checked against SES's limit.</summary>
    public long? MimeBytes { get; init; }

    /// <summary>The subject, when known.</summary>
    public string? Subject { get; init; }

    /// <summary>The template the HTML came from, for people reading the report; nothing reads the file.</summary>
    public string? TemplatePath { get; init; }
}
