using SesMailer.Rendering;

namespace SesMailer;

/// <summary>
/// One email ready to compose: addresses, subject, bodies, files and headers. Typed emails become one of these
/// after rendering; it can also be built by hand and sent with <see cref="IMailer.SendAsync(EmailMessage, CancellationToken)"/>.
/// </summary>
public sealed class EmailMessage
{
    /// <summary>The declared email this message was rendered from (for example <c>Welcome</c>), or <see langword="null"/> for a hand-built message.</summary>
    public string? EmailName { get; set; }

    /// <summary>
    /// The defaults the email declares on its <see cref="EmailAttribute"/>, or <see langword="null"/>. The mailer uses them
    /// where neither this message nor the configuration for this email (<c>SesMailer:Emails:{Name}</c>) sets a value, ahead
    /// of the global configuration.
    /// </summary>
    public DeclaredDefaults? DeclaredDefaults { get; set; }

    /// <summary>The sender. When <see langword="null"/>, the mailer's default sender is used.</summary>
    public EmailAddress? From { get; set; }

    /// <summary>Primary recipients.</summary>
    public IList<EmailAddress> To { get; } = new List<EmailAddress>();

    /// <summary>Carbon-copy recipients.</summary>
    public IList<EmailAddress> Cc { get; } = new List<EmailAddress>();

    /// <summary>Blind carbon-copy recipients: delivered through the envelope only, never written into the MIME.</summary>
    public IList<EmailAddress> Bcc { get; } = new List<EmailAddress>();

    /// <summary>Reply-To addresses. When empty, the mailer's default Reply-To (if any) is used.</summary>
    public IList<EmailAddress> ReplyTo { get; } = new List<EmailAddress>();

    /// <summary>Subject line (plain text; encoded as needed when composed).</summary>
    public string Subject { get; set; } = string.Empty;

    /// <summary>The HTML body, or <see langword="null"/>.</summary>
    public string? HtmlBody { get; set; }

    /// <summary>
    /// The plain-text body, or <see langword="null"/>. When only <see cref="HtmlBody"/> is set, a text part is
    /// generated from the HTML.
    /// </summary>
    public string? TextBody { get; set; }

    /// <summary>Files attached to the message (multipart/mixed).</summary>
    public IList<EmailAttachment> Attachments { get; } = new List<EmailAttachment>();

    /// <summary>
    /// Images shown inside the HTML body (multipart/related). Each needs a <see cref="EmailAttachment.ContentId"/>
    /// that the HTML refers to as <c>cid:{ContentId}</c>.
    /// </summary>
    public IList<EmailAttachment> InlineImages { get; } = new List<EmailAttachment>();

    /// <summary>
    /// Extra headers (for example <c>X-Campaign</c>). Headers that SesMailer writes itself (From, To, Subject,
    /// Content-Type, List-Unsubscribe…) are rejected here: use the dedicated properties.
    /// </summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The <c>List-Unsubscribe</c> header (and one-click unsubscribe), or <see langword="null"/>.</summary>
    public ListUnsubscribe? ListUnsubscribe { get; set; }

    /// <summary>Priority / importance. <value>The default value is <see cref="EmailPriority.Normal"/>.</value></summary>
    public EmailPriority Priority { get; set; }

    /// <summary>SES message tags (sent as SendRawEmail parameters).</summary>
    public IList<MessageTag> Tags { get; } = new List<MessageTag>();

    /// <summary>The SES configuration set, or <see langword="null"/> for the mailer's default.</summary>
    public string? ConfigurationSet { get; set; }

    /// <summary>
    /// When <see langword="true"/>, every recipient (To, Cc and Bcc) gets a message of their own, addressed to
    /// them alone. This is how to reach more than the 50 recipients SES allows in one message.
    /// <value>The default value is <see langword="false"/>: more than 50 recipients is an error.</value>
    /// </summary>
    public bool OneMessagePerRecipient { get; set; }

    /// <summary>Builds a message from a rendered email and the caller's options; every option is carried over.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="rendered"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    public static EmailMessage FromRendered(RenderedEmail rendered, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        ArgumentNullException.ThrowIfNull(options);
        var message = new EmailMessage
        {
            From = options.From,
            Subject = rendered.Subject,
            HtmlBody = rendered.Html,
            TextBody = rendered.Text,
            ConfigurationSet = options.ConfigurationSet,
            ListUnsubscribe = options.ListUnsubscribe,
            Priority = options.Priority,
            OneMessagePerRecipient = options.OneMessagePerRecipient,
        };
        AddAll(message.To, options.To);
        AddAll(message.Cc, options.Cc);
        AddAll(message.Bcc, options.Bcc);
        AddAll(message.ReplyTo, options.ReplyTo);
        AddAll(message.Tags, options.Tags);
        AddAll(message.Attachments, options.Attachments);
        AddAll(message.InlineImages, options.InlineImages);
        AddAll(message.Headers, options.Headers);
        return message;
    }

    /// <summary>A copy whose lists can be changed without touching this message (attachments are immutable and shared).</summary>
    public EmailMessage Clone()
    {
        var copy = new EmailMessage
        {
            EmailName = EmailName,
            DeclaredDefaults = DeclaredDefaults,
            From = From,
            Subject = Subject,
            HtmlBody = HtmlBody,
            TextBody = TextBody,
            ListUnsubscribe = ListUnsubscribe,
            Priority = Priority,
            ConfigurationSet = ConfigurationSet,
            OneMessagePerRecipient = OneMessagePerRecipient,
        };
        AddAll(copy.To, To);
        AddAll(copy.Cc, Cc);
        AddAll(copy.Bcc, Bcc);
        AddAll(copy.ReplyTo, ReplyTo);
        AddAll(copy.Attachments, Attachments);
        AddAll(copy.InlineImages, InlineImages);
        AddAll(copy.Headers, Headers);
        AddAll(copy.Tags, Tags);
        return copy;
    }

    private static void AddAll<T>(ICollection<T> target, IEnumerable<T> source)
    {
        foreach (var item in source)
        {
            target.Add(item);
        }
    }
}
