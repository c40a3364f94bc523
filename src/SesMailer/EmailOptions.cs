using System.Globalization;

namespace SesMailer;

/// <summary>
/// How an email is addressed and sent: recipients, sender override, files, headers, tags. Passed to the generated
/// <c>Send{Name}Async(options, model)</c> overload, which sends the rendered email with these very options
/// (<see cref="EmailMessage.Options"/>); the mailer works on a copy, so the caller's object is never changed.
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

    /// <summary>
    /// Extra headers (for example <c>X-Campaign</c>). Headers that SesMailer writes itself (From, To, Subject,
    /// Content-Type, List-Unsubscribe…) and SES's own <c>X-SES-*</c> headers are refused: use the dedicated properties.
    /// </summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The <c>List-Unsubscribe</c> header (and one-click unsubscribe), or <see langword="null"/>.</summary>
    public ListUnsubscribe? ListUnsubscribe { get; set; }

    /// <summary>Priority / importance. <value>The default value is <see cref="EmailPriority.Normal"/>.</value></summary>
    public EmailPriority Priority { get; set; }

    /// <summary>
    /// When <see langword="true"/>, every recipient (To, Cc and Bcc) gets a message of their own, addressed to
    /// them alone. This is how to reach more than the 50 recipients SES allows in one message.
    /// <value>The default value is <see langword="false"/>: more than 50 recipients is an error.</value>
    /// </summary>
    public bool OneMessagePerRecipient { get; set; }

    /// <summary>
    /// The message's stable id, sent as the <c>X-SesMailer-Id</c> header and the SES tag <c>sesmailer-id</c>, so SES
    /// event notifications (deliveries, bounces, complaints) can be matched to it. 1 to 64 characters of
    /// <c>A-Z a-z 0-9 _ -</c>. Leave it <see langword="null"/> and one is assigned when the message is composed
    /// (<see cref="SendResult.Id"/> reports it); set it yourself (a row id of your own, say) to know it before
    /// the send and to keep it when you try the same message again. A send split per recipient gives each copy the
    /// id followed by <c>-1</c>, <c>-2</c>….
    /// </summary>
    public string? Id { get; set; }

    /// <summary>
    /// The culture the email is rendered in: numbers, dates and <see cref="Money"/> in the subject and the templates,
    /// and which localized template is chosen. <see langword="null"/> uses the mailer's <c>SesMailer:Culture</c>, else
    /// the caller's current culture. The caller's current culture is never changed.
    /// </summary>
    public CultureInfo? Culture { get; set; }

    /// <summary>A copy whose lists can be changed without touching these options (attachments are immutable and shared).</summary>
    internal EmailOptions Clone()
    {
        var copy = new EmailOptions
        {
            From = From,
            ConfigurationSet = ConfigurationSet,
            ListUnsubscribe = ListUnsubscribe,
            Priority = Priority,
            OneMessagePerRecipient = OneMessagePerRecipient,
            Culture = Culture,
            Id = Id,
        };
        AddAll(copy.To, To);
        AddAll(copy.Cc, Cc);
        AddAll(copy.Bcc, Bcc);
        AddAll(copy.ReplyTo, ReplyTo);
        AddAll(copy.Tags, Tags);
        AddAll(copy.Attachments, Attachments);
        AddAll(copy.InlineImages, InlineImages);
        AddAll(copy.Headers, Headers);
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
