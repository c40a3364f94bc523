using MimeKit;

namespace SesMailer;

/// <summary>
/// A file carried by a message: an attachment, or an inline image referenced from the HTML by
/// <c>cid:</c> (<see cref="ContentId"/>). The content is held in memory so the message can be validated
/// (size, references) before anything is sent.
/// </summary>
public sealed record EmailAttachment
{
    /// <summary>Creates an attachment from its bytes.</summary>
    /// <param name="fileName">The name the recipient sees (for example <c>invoice.pdf</c>).</param>
    /// <param name="content">The bytes of the file.</param>
    /// <param name="contentType">The MIME type; when <see langword="null"/> it is inferred from <paramref name="fileName"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> is empty or <paramref name="contentType"/> is not <c>type/subtype</c>.</exception>
    public EmailAttachment(string fileName, ReadOnlyMemory<byte> content, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        FileName = fileName;
        Content = content;
        ContentType = contentType ?? MimeTypes.GetMimeType(fileName);
        if (!MimeKit.ContentType.TryParse(ContentType, out _))
        {
            throw new ArgumentException($"Content type '{ContentType}' is not of the form type/subtype.", nameof(contentType));
        }
    }

    /// <summary>The name the recipient sees.</summary>
    public string FileName { get; }

    /// <summary>The bytes of the file.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>The MIME type, for example <c>application/pdf</c>.</summary>
    public string ContentType { get; }

    /// <summary>
    /// The Content-ID an HTML body refers to as <c>cid:{ContentId}</c>. Required for inline images
    /// (<see cref="EmailOptions.InlineImages"/>), ignored for attachments.
    /// </summary>
    public string? ContentId { get; init; }

    /// <summary>Creates an attachment from bytes.</summary>
    public static EmailAttachment FromBytes(string fileName, byte[] content, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new EmailAttachment(fileName, content, contentType);
    }

    /// <summary>Creates an attachment by reading <paramref name="content"/> to its end (the stream is not disposed).</summary>
    public static EmailAttachment FromStream(string fileName, Stream content, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        return new EmailAttachment(fileName, buffer.ToArray(), contentType);
    }

    /// <summary>Creates an attachment by reading <paramref name="content"/> to its end (the stream is not disposed).</summary>
    public static async Task<EmailAttachment> FromStreamAsync(string fileName, Stream content, string? contentType = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return new EmailAttachment(fileName, buffer.ToArray(), contentType);
    }

    /// <summary>Creates an attachment from a file; the attachment is named after the file unless <paramref name="fileName"/> is given.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static EmailAttachment FromFile(string path, string? contentType = null, string? fileName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new EmailAttachment(fileName ?? Path.GetFileName(path), File.ReadAllBytes(path), contentType);
    }

    /// <summary>Creates an attachment from a file; the attachment is named after the file unless <paramref name="fileName"/> is given.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static async Task<EmailAttachment> FromFileAsync(string path, string? contentType = null, string? fileName = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return new EmailAttachment(fileName ?? Path.GetFileName(path), bytes, contentType);
    }

    /// <summary>Returns this file as an inline resource that the HTML refers to as <c>cid:{contentId}</c>.</summary>
    public EmailAttachment AsInline(string contentId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentId);
        return this with { ContentId = contentId };
    }
}
