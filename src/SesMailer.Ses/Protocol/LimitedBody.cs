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

        // Read into one pooled buffer (SES answers are a few hundred bytes: one read, one rent), growing it only for
        // a body longer than declared or undeclared.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Min(Math.Max(declared ?? ChunkSize, 1) + 1, (long)limit + 1), Array.MaxLength));
        var length = 0;
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Min((long)buffer.Length * 2, (long)limit + 1), Array.MaxLength));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                    if (length > limit)
                    {
                        return null;
                    }
                }
            }

            return Decode(buffer.AsSpan(0, length), EncodingOf(content));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Decodes by the byte order mark first (whatever the declared charset), else the declared charset, else UTF-8;
    /// invalid bytes become U+FFFD.
    /// </summary>
    private static string Decode(ReadOnlySpan<byte> bytes, Encoding encoding)
    {
        // Every byte order mark StreamReader detects (UTF-8, UTF-16 and UTF-32) starts with one of these bytes; an
        // XML answer starts with '<' or white space, so the exact detection below is almost never needed.
        if (bytes.IsEmpty || bytes[0] is not (0xEF or 0xFE or 0xFF or 0x00))
        {
            return encoding.GetString(bytes);
        }

        using var reader = new StreamReader(new MemoryStream(bytes.ToArray()), encoding, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
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
