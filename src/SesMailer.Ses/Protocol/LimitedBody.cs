using System.Buffers;
using System.Text;

namespace SesMailer.Ses.Protocol;

/// <summary>
/// Reads an answer's body as text with a size limit, stopping as soon as the limit is known to be exceeded (from
/// <c>Content-Length</c>, or while reading a chunked body) rather than after buffering it all.
/// </summary>
internal static class LimitedBody
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>The body as text, or <see langword="null"/> when it is larger than <paramref name="limit"/> bytes.</summary>
    public static async Task<string?> ReadAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream((int)Math.Min(declared ?? ChunkSize, limit));
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > limit)
                    {
                        return null;
                    }

                    buffer.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }

        buffer.Position = 0;
        // As HttpContent.ReadAsStringAsync decodes: a byte order mark first, else the declared charset, else UTF-8.
        using var reader = new StreamReader(buffer, EncodingOf(content), detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Encoding EncodingOf(HttpContent content)
    {
        var charset = content.Headers.ContentType?.CharSet?.Trim('"', ' ');
        if (string.IsNullOrEmpty(charset))
        {
            return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            // An unknown charset name: decode as UTF-8 (what SES sends); a body that is not XML is reported by the parser.
            return Encoding.UTF8;
        }
    }
}
