namespace SesMailer;

/// <summary>
/// One email ready to compose: addresses, subject and bodies. Typed emails become one of these after
/// rendering; it can also be built by hand and sent with <see cref="IMailer.SendAsync(EmailMessage, CancellationToken)"/>.
/// </summary>
public sealed class EmailMessage
{
    /// <summary>The sender. When <see langword="null"/>, the mailer's default sender is used.</summary>
    public EmailAddress? From { get; set; }

    /// <summary>Primary recipients.</summary>
    public IList<EmailAddress> To { get; } = new List<EmailAddress>();

    /// <summary>Subject line (plain text; encoded as needed when composed).</summary>
    public string Subject { get; set; } = string.Empty;

    /// <summary>The HTML body, or <see langword="null"/>.</summary>
    public string? HtmlBody { get; set; }

    /// <summary>The plain-text body, or <see langword="null"/>.</summary>
    public string? TextBody { get; set; }
}
