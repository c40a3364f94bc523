using System.Text;
using MimeKit;

namespace SesMailer.Benchmarks.Mime;

/// <summary>
/// Run before measuring: the two composers must produce the same message as a reader sees it (the same tree of
/// parts, the same decoded bodies and files), so that the ratio compares like with like.
/// </summary>
public static class MimeCheck
{
    /// <summary>Throws when <paramref name="actual"/> and <paramref name="expected"/> differ in structure or content.</summary>
    /// <exception cref="InvalidOperationException">They differ; the message says where.</exception>
    public static void Same(string what, byte[] expected, ReadOnlyMemory<byte> actual)
    {
        var left = Describe(expected);
        var right = Describe(actual.ToArray());
        if (!string.Equals(left, right, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{what}: the message differs from the baseline.\nBaseline:\n{left}\nCandidate:\n{right}");
        }
    }

    // The addresses and subject, then one line per part: its type and a digest of its decoded content.
    private static string Describe(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var message = MimeMessage.Load(stream);
        var description = new StringBuilder()
            .Append("From: ").Append(message.From).Append('\n')
            .Append("To: ").Append(message.To).Append('\n')
            .Append("Subject: ").Append(message.Subject).Append('\n');
        Walk(message.Body, depth: 0, description);
        return description.ToString();
    }

    private static void Walk(MimeEntity? entity, int depth, StringBuilder description)
    {
        if (entity is null)
        {
            description.Append("(no body)\n");
            return;
        }

        description.Append(' ', depth * 2).Append(entity.ContentType.MimeType);
        switch (entity)
        {
            case TextPart text:
                description.Append(' ').Append(Digest(Encoding.UTF8.GetBytes(text.Text.ReplaceLineEndings("\n"))));
                break;
            case MimePart part:
                using (var decoded = new MemoryStream())
                {
                    part.Content?.DecodeTo(decoded);
                    description.Append(' ').Append(part.FileName ?? part.ContentId).Append(' ').Append(Digest(decoded.ToArray()));
                }

                break;
        }

        description.Append('\n');
        if (entity is Multipart multipart)
        {
            foreach (var child in multipart)
            {
                Walk(child, depth + 1, description);
            }
        }
    }

    private static string Digest(byte[] data) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(data))[..16];
}
