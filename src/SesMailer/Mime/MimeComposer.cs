using System.Runtime.InteropServices;
using System.Text;
using MimeKit;
using MimeKit.Utils;
using SesMailer.Rules;
using SesMailer.Rules.Runtime;
using SesMailer.Ses;
using SesMailer.Transport;

namespace SesMailer.Mime;

/// <summary>
/// Turns an <see cref="EmailMessage"/> into the bytes SES receives: checked against the SES rules, composed with
/// MimeKit (multipart/alternative text + HTML, multipart/related for inline images, multipart/mixed for
/// attachments), encoded so that every line is 7-bit and at most 998 octets, with CRLF line endings only.
/// Bcc recipients go to the envelope (<see cref="OutgoingEmail.Destinations"/>), never into the MIME.
/// </summary>
public sealed class MimeComposer
{
    /// <summary>The largest estimated message written through <see cref="t_buffer"/> (larger ones get a stream of their own).</summary>
    private const int ReusedBufferLimit = 64 * 1024;

    /// <summary>The line length MimeKit folds headers at (<c>FormatOptions.MaxLineLength</c>).</summary>
    private const int MaxUnfoldedLine = 78;

    private static readonly FormatOptions Format = CreateFormat();

    /// <summary>This thread's buffer for small messages; taken (set to null) while a message is written into it.</summary>
    [ThreadStatic]
    private static MemoryStream? t_buffer;
    private readonly TimeProvider _time;

    /// <summary>Creates a composer that dates messages with <paramref name="timeProvider"/> (the system clock by default).</summary>
    public MimeComposer(TimeProvider? timeProvider = null) => _time = timeProvider ?? TimeProvider.System;

    /// <summary>A copy of the format every message is written with: CRLF line endings, no SMTPUTF8 (RFC 2047 / punycode instead).</summary>
    internal static FormatOptions FormatOptions => Format.Clone();

    /// <summary>Checks and composes <paramref name="message"/>, ready for a transport.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is <see langword="null"/>.</exception>
    /// <exception cref="EmailValidationException">The message breaks an SES rule; nothing should be sent.</exception>
    /// <exception cref="MessageTooLargeException">The MIME message is over 10 MB (<see cref="EmailRules.MessageSizeLimit"/> bytes).</exception>
    public OutgoingEmail Compose(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var envelope = MessageValidator.Validate(message);
        var id = message.Options.Id ?? StableId.New();

        // Disposed once written: MimeKit's messages, parts and contents have finalizers, and an undisposed one survives
        // its first collection with everything it holds (the bodies), which turns every collection into a gen-1 one.
        using var mime = Build(message, envelope, prepareText: true);
        mime.Headers.Add(IdHeader(id));
        var bytes = Serialize(mime, EstimateSize(message));
        return new OutgoingEmail
        {
            Id = id,
            Mime = bytes,
            From = envelope.From,
            Destinations = envelope.Destinations,
            ConfigurationSet = message.Options.ConfigurationSet,
            Tags = message.Options.Tags.ToArray(),
            EmailName = message.Email?.Name,
        };
    }

    /// <summary>Checks <paramref name="message"/> and returns it as a MimeKit message (for previews and tests).</summary>
    /// <exception cref="EmailValidationException">The message breaks an SES rule.</exception>
    public MimeMessage CreateMimeMessage(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Build(message, MessageValidator.Validate(message), prepareText: false);
    }

    /// <param name="message">The message, validated.</param>
    /// <param name="envelope">Its checked addresses.</param>
    /// <param name="prepareText">
    /// Whether to prepare the text parts for 7-bit transport now (the message is about to be written); files are
    /// base64 from the start. A message handed out by <see cref="CreateMimeMessage"/> is left unprepared, as before.
    /// </param>
    private MimeMessage Build(EmailMessage message, Envelope envelope, bool prepareText)
    {
        // The headers MimeKit's parameterless constructor starts with, in its order, but with their final values: that
        // constructor dates the message with the local clock, generates a Message-Id from this machine's host name
        // (random bytes, an IDN lookup, a parse) and formats both, only for the composer to replace them.
        // SES replaces Message-ID with its own; ours uses the sender's domain rather than this machine's host name, which
        // has no business in a message, and has a fixed length, so a message's size does not vary.
        var domain = envelope.From.AsSpan(envelope.From.LastIndexOf('@') + 1);
        var mime = new MimeMessage((IEnumerable<Header>)
        [
            new Header(HeaderId.From, string.Empty),
            RawHeader(HeaderId.Date, DateUtils.FormatDate(_time.GetUtcNow())),
            NewHeader("Subject", message.Subject ?? string.Empty),
            RawHeader(HeaderId.MessageId, $"<{Guid.NewGuid():N}@{domain}>"),
        ]);
        mime.From.Add(Mailbox(message.Options.From!, envelope.From));
        AddMailboxes(mime.To, message.Options.To, envelope.To);
        AddMailboxes(mime.Cc, message.Options.Cc, envelope.Cc);
        AddMailboxes(mime.ReplyTo, message.Options.ReplyTo, envelope.ReplyTo);

        // Bcc is deliberately never added: the envelope carries those recipients.
        AddPriority(mime, message.Options.Priority);
        AddListUnsubscribe(mime, message.Options.ListUnsubscribe, envelope.UnsubscribeMailto);
        foreach (var (name, value) in message.Options.Headers)
        {
            mime.Headers.Add(NewHeader(name, value));
        }

        mime.Body = Body(message, prepareText);
        return mime;
    }

    private static MimeEntity Body(EmailMessage message, bool prepareText)
    {
        var text = message.TextBody ?? (message.HtmlBody is null ? null : HtmlToText.Convert(message.HtmlBody));
        MimeEntity? html = null;
        if (message.HtmlBody is not null)
        {
            html = TextPart("html", message.HtmlBody, prepareText);
            if (message.Options.InlineImages.Count > 0)
            {
                // The HTML is the root; type= names it, as RFC 2387 asks.
                var related = new MultipartRelated { html };
                related.ContentType.Parameters["type"] = "text/html";
                foreach (var image in message.Options.InlineImages)
                {
                    related.Add(FilePart(image, ContentDisposition.Inline));
                }

                html = related;
            }
        }

        MimeEntity body = (text, html) switch
        {
            (not null, not null) => new MultipartAlternative { TextPart("plain", text, prepareText), html },
            (not null, null) => TextPart("plain", text, prepareText),
            _ => html!,
        };

        if (message.Options.Attachments.Count == 0)
        {
            return body;
        }

        var mixed = new Multipart("mixed") { body };
        foreach (var attachment in message.Options.Attachments)
        {
            mixed.Add(FilePart(attachment, ContentDisposition.Attachment));
        }

        return mixed;
    }

    private static TextPart TextPart(string subtype, string content, bool prepareText)
    {
        var part = new TextPart(subtype);

        // One line-ending convention inside; the writer turns every LF into CRLF, so a stray CR cannot survive.
        var text = content.ReplaceLineEndings("\n");
        part.SetText(Encoding.UTF8, text);

        // MimeKit's Prepare runs the UTF-8 bytes through its encoding filter to choose an encoding; for text that
        // SevenBitText accepts it would choose none (7-bit, no Content-Transfer-Encoding header), so the scan is
        // skipped. Anything else is prepared by MimeKit as before (quoted-printable or base64).
        if (prepareText && !SevenBitText.IsSafe(text))
        {
            part.Prepare(EncodingConstraint.SevenBit, RuleLimits.LineLengthLimit);
        }

        return part;
    }

    private static MimePart FilePart(EmailAttachment file, string disposition)
    {
        var bytes = MemoryMarshal.TryGetArray(file.Content, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(file.Content.ToArray(), writable: false);
        var part = new MimePart(ContentType.Parse(file.ContentType))
        {
            Content = new MimeContent(bytes),
            ContentDisposition = new ContentDisposition(disposition),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = file.FileName,
        };
        if (disposition == ContentDisposition.Inline)
        {
            part.ContentId = file.ContentId;
        }

        return part;
    }

    private static void AddPriority(MimeMessage mime, EmailPriority priority)
    {
        switch (priority)
        {
            case EmailPriority.High:
                mime.Priority = MessagePriority.Urgent;
                mime.XPriority = XMessagePriority.Highest;
                mime.Importance = MessageImportance.High;
                break;
            case EmailPriority.Low:
                mime.Priority = MessagePriority.NonUrgent;
                mime.XPriority = XMessagePriority.Lowest;
                mime.Importance = MessageImportance.Low;
                break;
        }
    }

    private static void AddListUnsubscribe(MimeMessage mime, ListUnsubscribe? unsubscribe, string? mailto)
    {
        if (unsubscribe is null)
        {
            return;
        }

        var targets = new List<string>(2);
        if (unsubscribe.Url is { } url)
        {
            // The host as punycode, the rest percent-encoded: header values must be ASCII.
            var ascii = new UriBuilder(url) { Host = url.IdnHost }.Uri.AbsoluteUri;
            targets.Add("<" + ascii + ">");
        }

        if (mailto is not null)
        {
            targets.Add("<mailto:" + mailto + ">");
        }

        mime.Headers.Add(NewHeader("List-Unsubscribe", string.Join(", ", targets)));
        if (unsubscribe.OneClick)
        {
            mime.Headers.Add(NewHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
        }
    }

    // A header whose value needs no encoding or folding (ASCII, one short line), written as it is rather than formatted and parsed back.
    private static Header RawHeader(HeaderId id, string value)
    {
        var header = new Header(id, string.Empty);
        header.SetRawValue(RawValue(value));
        return header;
    }

    // An id that fits on the header's first line (the generated ones, 32 characters) is written as it is; MimeKit writes
    // a longer one (a caller's, up to 64 characters) as RFC 2047 encoded-words, and still does.
    private static Header IdHeader(string id)
    {
        var header = new Header(StableId.HeaderName, string.Empty);
        if (StableId.HeaderName.Length + 2 + id.Length <= MaxUnfoldedLine)
        {
            header.SetRawValue(RawValue(id));
        }
        else
        {
            header.SetValue(Format, Encoding.UTF8, id);
        }

        return header;
    }

    private static byte[] RawValue(string value)
    {
        var raw = new byte[value.Length + 3];
        raw[0] = (byte)' ';
        Encoding.ASCII.GetBytes(value, raw.AsSpan(1));
        raw[^2] = (byte)'\r';
        raw[^1] = (byte)'\n';
        return raw;
    }

    // Encoded and folded with our format (CRLF), not MimeKit's default (bare LF on Linux).
    private static Header NewHeader(string name, string value)
    {
        var header = new Header(name, string.Empty);
        header.SetValue(Format, Encoding.UTF8, value);
        return header;
    }

    private static void AddMailboxes(InternetAddressList target, IList<EmailAddress> source, IReadOnlyList<string> ascii)
    {
        for (var i = 0; i < source.Count; i++)
        {
            target.Add(Mailbox(source[i], ascii[i]));
        }
    }

    private static MailboxAddress Mailbox(EmailAddress address, string ascii) =>
        new(Encoding.UTF8, address.DisplayName ?? string.Empty, ascii);

    /// <summary>
    /// Writes the message and returns exactly its bytes. A message expected to be small (the usual one: no files) is
    /// written into a buffer this thread keeps and reuses, then copied out at its exact size, so a send allocates the
    /// message once; a larger one is written into a stream sized for it from the start, whose own buffer is handed out
    /// (a stream left to grow from empty allocates about three times the message in discarded buffers, and a copy of a
    /// large message would cost as much again).
    /// </summary>
    private static ReadOnlyMemory<byte> Serialize(MimeMessage mime, int estimate)
    {
        ReadOnlyMemory<byte> bytes;
        if (estimate <= ReusedBufferLimit)
        {
            var buffer = t_buffer ?? new MemoryStream(ReusedBufferLimit);
            t_buffer = null;
            buffer.SetLength(0);
            mime.WriteTo(Format, buffer);
            bytes = buffer.GetBuffer().AsSpan(0, checked((int)buffer.Length)).ToArray();

            // Kept for the next message unless this one made it grow far beyond what it was kept for.
            t_buffer = buffer.Capacity <= 4 * ReusedBufferLimit ? buffer : null;
        }
        else
        {
            var buffer = new MemoryStream(estimate);
            mime.WriteTo(Format, buffer);
            bytes = new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, checked((int)buffer.Length));
        }

        MessageSizeRule.Check(bytes.Length).ThrowIfBroken("Message");
        MimeLines.EnsureSesSafe(bytes.Span);
        return bytes;
    }

    /// <summary>
    /// About what the serialised message takes: headers, then the bodies and files as 7-bit encoding writes them
    /// (quoted-printable or base64 grow text by up to a third; most text is ASCII and grows far less). An estimate
    /// too small only costs the stream a resize.
    /// </summary>
    private static int EstimateSize(EmailMessage message)
    {
        long size = 2048 + (message.Subject?.Length ?? 0) * 3L;
        size += (message.HtmlBody?.Length ?? 0) * 9L / 8;
        size += (message.TextBody ?? message.HtmlBody)?.Length * 9L / 8 ?? 0;
        foreach (var file in message.Options.Attachments)
        {
            size += 512 + file.Content.Length * 4L / 3 * 77 / 76;
        }

        foreach (var image in message.Options.InlineImages)
        {
            size += 512 + image.Content.Length * 4L / 3 * 77 / 76;
        }

        return (int)Math.Min(size, RuleLimits.MessageSizeLimit + 1);
    }

    private static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        format.International = false;
        return format;
    }
}
