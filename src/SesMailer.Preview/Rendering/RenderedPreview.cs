using System.Globalization;
using MimeKit;

namespace SesMailer.Preview.Rendering;

/// <summary>One preview rendered and composed by the mailer: the MIME a send of it produces, and what it is made of.</summary>
public sealed class RenderedPreview
{
    internal RenderedPreview(string emailName, string previewName, CultureInfo culture, PreviewRenderPath renderPath, string? hotReloadUnavailable, string? sampleRecipient, ReadOnlyMemory<byte> mime, MimeMessage message, IReadOnlyList<EmailAttachment> attachments, IReadOnlyList<EmailAttachment> inlineImages)
    {
        EmailName = emailName;
        PreviewName = previewName;
        Culture = culture;
        RenderPath = renderPath;
        HotReloadUnavailable = hotReloadUnavailable;
        SampleRecipient = sampleRecipient;
        Mime = mime;
        Message = message;
        Attachments = attachments;
        InlineImages = inlineImages;
        HtmlSize = message.HtmlBody is null ? 0 : System.Text.Encoding.UTF8.GetByteCount(message.HtmlBody);
        var warnings = new List<string>();
        if (HtmlSize > EmailPreviewRenderer.GmailClipThreshold)
        {
            warnings.Add($"The HTML is {HtmlSize:N0} bytes: Gmail clips messages whose HTML is over about {EmailPreviewRenderer.GmailClipThreshold:N0} bytes (102 KB) behind a \"View entire message\" link.");
        }

        if (Size > EmailPreviewRenderer.SesMessageSizeLimit * 8 / 10)
        {
            warnings.Add($"The message is {Size:N0} bytes, over 80% of SES's limit of {EmailPreviewRenderer.SesMessageSizeLimit:N0} bytes.");
        }

        Warnings = warnings;
    }

    /// <summary>The email's registry name (<c>Welcome</c>).</summary>
    public string EmailName { get; }

    /// <summary>The preview's name (<c>Long name</c>).</summary>
    public string PreviewName { get; }

    /// <summary>The culture it rendered in (the preview's, the one asked for, the mailer's default, else the current one).</summary>
    public CultureInfo Culture { get; }

    /// <summary>Which path rendered the templates.</summary>
    public PreviewRenderPath RenderPath { get; }

    /// <summary>Why hot reload was asked for but not used (for example, the template is not on disk), or <see langword="null"/>.</summary>
    public string? HotReloadUnavailable { get; }

    /// <summary>The recipient added because the preview's options named none, or <see langword="null"/>.</summary>
    public string? SampleRecipient { get; }

    /// <summary>The whole MIME message as a send hands it to the transport (CRLF, 7-bit): the <c>.eml</c>.</summary>
    public ReadOnlyMemory<byte> Mime { get; }

    /// <summary>The MIME message parsed back (headers, bodies, parts).</summary>
    public MimeMessage Message { get; }

    /// <summary>The subject as sent.</summary>
    public string Subject => Message.Subject ?? string.Empty;

    /// <summary>The HTML body as sent, or <see langword="null"/>.</summary>
    public string? Html => Message.HtmlBody;

    /// <summary>The text body as sent (the text template's, or derived from the HTML), or <see langword="null"/>.</summary>
    public string? Text => Message.TextBody;

    /// <summary>The attachments as sent.</summary>
    public IReadOnlyList<EmailAttachment> Attachments { get; }

    /// <summary>The inline images as sent (referenced by <c>cid:</c> from the HTML).</summary>
    public IReadOnlyList<EmailAttachment> InlineImages { get; }

    /// <summary>The encoded size of the message in bytes (what SES counts against <see cref="EmailPreviewRenderer.SesMessageSizeLimit"/>).</summary>
    public long Size => Mime.Length;

    /// <summary>The UTF-8 size of the HTML body in bytes (what Gmail's clipping counts, roughly).</summary>
    public int HtmlSize { get; }

    /// <summary>Sizes near a limit, each a sentence.</summary>
    public IReadOnlyList<string> Warnings { get; }
}
