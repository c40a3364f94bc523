namespace SesMailer;

/// <summary>
/// How one typed email is addressed and sent: recipients, sender override, files, headers, tags. Passed to the
/// generated <c>Send{Name}Async(options, model)</c> overload; <see cref="EmailMessage.FromRendered"/> carries
/// every property over to the message.
/// </summary>
public sealed class EmailOptions
{
    /// <summary>Sender override; <see langword="null"/> keeps the email's or the mailer's default.</summary>
    public EmailAddress? From { get; set; }

    /// <summary>Primary recipients.</summary>
    public IList<EmailAddress> To { get; } = new List<EmailAddress>();

    /// <summary>Carbon-copy recipients.</summary>
    public IList<EmailAddress> Cc { get; } = new List<EmailAddress>();

    /// <summary>Blind carbon-copy recipients.</summary>
    public IList<EmailAddress> Bcc { get; } = new List<EmailAddress>();

    /// <summary>Reply-To addresses; empty keeps the email's or the mailer's default.</summary>
    public IList<EmailAddress> ReplyTo { get; } = new List<EmailAddress>();

    /// <summary>SES message tags added to this send.</summary>
    public IList<MessageTag> Tags { get; } = new List<MessageTag>();

    /// <summary>SES configuration set override.</summary>
    public string? ConfigurationSet { get; set; }

    /// <summary>Files attached to the message.</summary>
    public IList<EmailAttachment> Attachments { get; } = new List<EmailAttachment>();

    /// <summary>Images the HTML refers to as <c>cid:{ContentId}</c>.</summary>
    public IList<EmailAttachment> InlineImages { get; } = new List<EmailAttachment>();

    /// <summary>Extra headers (see <see cref="EmailMessage.Headers"/> for the ones that are refused).</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The <c>List-Unsubscribe</c> header (and one-click unsubscribe), or <see langword="null"/>.</summary>
    public ListUnsubscribe? ListUnsubscribe { get; set; }

    /// <summary>Priority / importance. <value>The default value is <see cref="EmailPriority.Normal"/>.</value></summary>
    public EmailPriority Priority { get; set; }

    /// <summary>One message per recipient instead of one for all (see <see cref="EmailMessage.OneMessagePerRecipient"/>).</summary>
    public bool OneMessagePerRecipient { get; set; }
}
