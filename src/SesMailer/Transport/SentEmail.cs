using MimeKit;

namespace SesMailer.Transport;

/// <summary>
/// One message the <see cref="InMemoryTransport"/> received, parsed back from its MIME so that tests see what a
/// recipient would see: addresses, subject, the HTML and text bodies, attachments, inline images, headers.
/// </summary>
public sealed class SentEmail
{
    internal SentEmail(OutgoingEmail email, string messageId)
    {
        Outgoing = email;
        MessageId = messageId;
        using var stream = new MemoryStream(email.Mime.ToArray(), writable: false);
        Mime = MimeMessage.Load(stream);
        From = Mime.From.Mailboxes.Select(ToAddress).FirstOrDefault() ?? new EmailAddress(email.From);
        To = Mime.To.Mailboxes.Select(ToAddress).ToArray();
        Cc = Mime.Cc.Mailboxes.Select(ToAddress).ToArray();
        ReplyTo = Mime.ReplyTo.Mailboxes.Select(ToAddress).ToArray();
        // Compared in ASCII form (punycode domains), as the envelope holds them.
        var visible = Mime.To.Mailboxes.Concat(Mime.Cc.Mailboxes).Select(m => m.GetAddress(idnEncode: true)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Bcc = email.Destinations.Where(d => !visible.Contains(d)).ToArray();
        Attachments = Mime.Attachments.OfType<MimePart>().Select(p => ToFile(p, contentId: null)).ToArray();
        InlineImages = Mime.BodyParts.OfType<MimePart>()
            .Where(p => !p.IsAttachment && p is not TextPart && p.ContentId is not null)
            .Select(p => ToFile(p, p.ContentId))
            .ToArray();
    }

    /// <summary>The transport's id for this message.</summary>
    public string MessageId { get; }

    /// <summary>The declared email (for example <c>Welcome</c>), or <see langword="null"/> for a hand-built message.</summary>
    public string? EmailName => Outgoing.EmailName;

    /// <summary>The message's stable id (<see cref="StableId"/>), also in its <c>X-SesMailer-Id</c> header.</summary>
    public string? Id => Outgoing.Id;

    /// <summary>The sender as written in the From header.</summary>
    public EmailAddress From { get; }

    /// <summary>The To recipients.</summary>
    public IReadOnlyList<EmailAddress> To { get; }

    /// <summary>The Cc recipients.</summary>
    public IReadOnlyList<EmailAddress> Cc { get; }

    /// <summary>Recipients in the envelope but in neither To nor Cc: the Bcc recipients.</summary>
    public IReadOnlyList<string> Bcc { get; }

    /// <summary>The Reply-To addresses.</summary>
    public IReadOnlyList<EmailAddress> ReplyTo { get; }

    /// <summary>Every envelope recipient (To, Cc and Bcc), as SES would receive them.</summary>
    public IReadOnlyList<string> Destinations => Outgoing.Destinations;

    /// <summary>The subject, decoded.</summary>
    public string Subject => Mime.Subject ?? string.Empty;

    /// <summary>The HTML body, decoded, or <see langword="null"/>.</summary>
    public string? HtmlBody => Mime.HtmlBody;

    /// <summary>The text body, decoded, or <see langword="null"/>.</summary>
    public string? TextBody => Mime.TextBody;

    /// <summary>The attachments (not the inline images).</summary>
    public IReadOnlyList<EmailAttachment> Attachments { get; }

    /// <summary>The inline images, with their Content-IDs.</summary>
    public IReadOnlyList<EmailAttachment> InlineImages { get; }

    /// <summary>The SES configuration set of the send.</summary>
    public string? ConfigurationSet => Outgoing.ConfigurationSet;

    /// <summary>The SES tags of the send.</summary>
    public IReadOnlyList<MessageTag> Tags => Outgoing.Tags;

    /// <summary>The parsed message, for anything the properties above do not cover.</summary>
    public MimeMessage Mime { get; }

    /// <summary>What the transport received: the MIME bytes and the envelope.</summary>
    public OutgoingEmail Outgoing { get; }

    /// <summary>The value of header <paramref name="name"/>, decoded, or <see langword="null"/>.</summary>
    public string? Header(string name) => Mime.Headers[name];

    /// <summary>Whether <paramref name="address"/> receives this message (To, Cc or Bcc).</summary>
    public bool IsSentTo(string address) => Destinations.Contains(address, StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override string ToString() =>
        $"'{Subject}' to {string.Join(", ", Destinations)}{(EmailName is null ? string.Empty : $" ({EmailName})")}";

    private static EmailAddress ToAddress(MailboxAddress mailbox) =>
        new(mailbox.Address, string.IsNullOrEmpty(mailbox.Name) ? null : mailbox.Name);

    private static EmailAttachment ToFile(MimePart part, string? contentId)
    {
        using var content = new MemoryStream();
        part.Content?.DecodeTo(content);
        return new EmailAttachment(part.FileName ?? part.ContentId ?? "attachment", content.ToArray(), part.ContentType.MimeType)
        {
            ContentId = contentId,
        };
    }
}
