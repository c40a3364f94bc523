using System.Text;
using MimeKit;

namespace SesMailer.Aot.Tests.Support;

/// <summary>What a program left in its outbox folder: how many files, and each message by subject, normalized.</summary>
internal sealed record OutboxSnapshot(int FileCount, IReadOnlyDictionary<string, string> MessagesBySubject)
{
    public static OutboxSnapshot Load(string folder)
    {
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
        var messages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files.Where(f => f.EndsWith(".eml", StringComparison.Ordinal)))
        {
            var bytes = File.ReadAllBytes(file);
            using var stream = new MemoryStream(bytes);
            var subject = MimeMessage.Load(stream).Subject
                ?? throw new InvalidOperationException($"{file} has no subject.");
            // Latin-1 maps every byte to one char, so equal strings mean equal bytes (the outbox writes 7-bit anyway).
            if (!messages.TryAdd(subject, MessageNormalizer.Normalize(Encoding.Latin1.GetString(bytes))))
            {
                throw new InvalidOperationException($"Two messages in {folder} have the subject '{subject}'.");
            }
        }

        return new OutboxSnapshot(files.Length, messages);
    }
}
