using System.Security.Cryptography;
using System.Text.Json;
using MimeKit;
using SesMailer.Sending;
using SesMailer.Transport;

namespace SesMailer.Cli.Queue;

/// <summary>
/// The messages <c>queue enqueue</c> reads: <c>.eml</c> files, or the queued <c>.eml</c> files of a folder outbox,
/// each with its envelope (<c>name.envelope.json</c>, the format of src/SesMailer/Outbox/README.md) when there is
/// one, else the From, To, Cc and Bcc of its headers. Everything is read and checked before anything is queued.
/// </summary>
internal static class EmlQueueInput
{
    private const string EnvelopeExtension = ".envelope.json";

    /// <exception cref="CliUsageException">A path does not exist, a file is not a MIME message, or lacks a sender or recipients, or its envelope is invalid (named in the message).</exception>
    public static async Task<IReadOnlyList<(string Path, OutgoingEmail Email)>> LoadAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                // A folder outbox: its queued messages only (sent/, failed/… are outcomes, not work).
                var queued = Directory.GetFiles(path, "*.eml", new EnumerationOptions { MatchType = MatchType.Simple });
                Array.Sort(queued, StringComparer.Ordinal);
                files.AddRange(queued);
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new CliUsageException($"FILES: {path} is neither a file nor a folder.");
            }
        }

        if (files.Count == 0)
        {
            throw new CliUsageException("FILES: no .eml file was found in the given paths; nothing was queued.");
        }

        var emails = new List<(string, OutgoingEmail)>(files.Count);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var email = await LoadOneAsync(file, cancellationToken).ConfigureAwait(false);
            if (ids.TryGetValue(email.Id!, out var other))
            {
                throw new CliUsageException($"{file}: its id {email.Id} is also the id of {other}; a stable id names one message.");
            }

            ids[email.Id!] = file;
            emails.Add((file, email));
        }

        return emails;
    }

    private static async Task<OutgoingEmail> LoadOneAsync(string file, CancellationToken cancellationToken)
    {
        byte[] mime;
        try
        {
            mime = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{file} cannot be read ({e.Message}).", e);
        }

        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(mime);
            message = await MimeMessage.LoadAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        catch (FormatException e)
        {
            throw new CliUsageException($"{file} is not a MIME message ({e.Message}).", e);
        }

        using (message)
        {
            var envelopePath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, Path.GetFileNameWithoutExtension(file) + EnvelopeExtension);
            return File.Exists(envelopePath)
                ? FromEnvelope(mime, await File.ReadAllBytesAsync(envelopePath, cancellationToken).ConfigureAwait(false), envelopePath)
                : FromHeaders(mime, message, file);
        }
    }

    /// <summary>A message SesMailer wrote: its envelope holds the sender, every recipient (Bcc too), tags and the stable id.</summary>
    private static OutgoingEmail FromEnvelope(byte[] mime, byte[] json, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.GetProperty("Version").GetInt32() is var version && version > 1)
            {
                throw new CliUsageException($"{path}: envelope version {version} is newer than this sesmailer reads (1).");
            }

            if (root.TryGetProperty("Result", out var result) && result.ValueKind == JsonValueKind.Object)
            {
                throw new CliUsageException($"{path}: the message already has an outcome ({result.GetProperty("Kind").GetString()}); only queued messages are taken.");
            }

            return new OutgoingEmail
            {
                Mime = mime,
                Id = Text(root, "Id", path),
                From = Text(root, "Source", path),
                Destinations = [.. root.GetProperty("Destinations").EnumerateArray().Select(d => d.GetString() ?? throw new CliUsageException($"{path}: a destination is null."))],
                ConfigurationSet = root.TryGetProperty("ConfigurationSet", out var set) && set.ValueKind == JsonValueKind.String ? set.GetString() : null,
                Tags = [.. root.GetProperty("Tags").EnumerateArray().Select(t => new MessageTag(Text(t, "Name", path), Text(t, "Value", path)))],
                EmailName = root.TryGetProperty("EmailName", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null,
                Lane = SendLane.Bulk,
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new CliUsageException($"{path}: not a SesMailer envelope ({e.Message}).", e);
        }
    }

    /// <summary>
    /// An <c>.eml</c> of another tool: its first From address, every To, Cc and Bcc address. Its id is its own
    /// <c>X-SesMailer-Id</c>, else one made from a hash of its bytes, so enqueuing the same file twice queues it once.
    /// </summary>
    private static OutgoingEmail FromHeaders(byte[] mime, MimeMessage message, string file)
    {
        var from = message.From.Mailboxes.FirstOrDefault()?.Address
            ?? throw new CliUsageException($"{file} has no From address, and no envelope ({Path.GetFileNameWithoutExtension(file)}{EnvelopeExtension}) names the sender.");
        var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes).Select(m => m.Address).ToArray();
        if (recipients.Length == 0)
        {
            throw new CliUsageException($"{file} has no To, Cc or Bcc address, and no envelope names the recipients.");
        }

        var own = message.Headers[StableId.HeaderName]?.Trim();
        return new OutgoingEmail
        {
            Mime = mime,
            Id = own is { Length: > 0 } ? own : "eml-" + Convert.ToHexStringLower(SHA256.HashData(mime))[..40],
            From = from,
            Destinations = recipients,
            Lane = SendLane.Bulk,
        };
    }

    private static string Text(JsonElement e, string name, string path) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new CliUsageException($"{path}: the envelope has no {name}.");
}
