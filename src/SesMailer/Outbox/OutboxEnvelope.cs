using System.Globalization;
using System.Text.Json;
using SesMailer.Sending;

namespace SesMailer.Outbox;

/// <summary>
/// What SES needs besides the MIME bytes, kept beside a message's <c>.eml</c> as <c>name.envelope.json</c> (the
/// format is described in this folder's README): the sender, every recipient including Bcc (which the MIME does not
/// hold), the configuration set, tags, the stable id and, once sent, what became of it.
/// </summary>
internal sealed record OutboxEnvelope
{
    /// <summary>The format version written; a reader refuses a newer one rather than guess.</summary>
    public const int CurrentVersion = 1;

    public required string Id { get; init; }

    public required string From { get; init; }

    public required IReadOnlyList<string> Destinations { get; init; }

    public string? ConfigurationSet { get; init; }

    public IReadOnlyList<MessageTag> Tags { get; init; } = [];

    public string? EmailName { get; init; }

    /// <summary>Whether the envelope was made from the headers of an <c>.eml</c> written by another tool.</summary>
    public bool FromHeaders { get; init; }

    /// <summary>What became of the message, once it left the queue; <see langword="null"/> while queued.</summary>
    public OutboxResult? Result { get; init; }

    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("Version", CurrentVersion);
            w.WriteString(nameof(Id), Id);
            w.WriteString("Source", From);
            w.WriteStartArray(nameof(Destinations));
            foreach (var destination in Destinations)
            {
                w.WriteStringValue(destination);
            }

            w.WriteEndArray();
            w.WriteString(nameof(ConfigurationSet), ConfigurationSet);
            w.WriteStartArray(nameof(Tags));
            foreach (var tag in Tags)
            {
                w.WriteStartObject();
                w.WriteString("Name", tag.Name);
                w.WriteString("Value", tag.Value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString(nameof(EmailName), EmailName);
            w.WriteBoolean(nameof(FromHeaders), FromHeaders);
            if (Result is { } result)
            {
                w.WriteStartObject(nameof(Result));
                w.WriteString("Kind", result.Kind.ToString());
                w.WriteString("At", result.At.ToString("O", CultureInfo.InvariantCulture));
                w.WriteString("SesMessageId", result.SesMessageId);
                w.WriteString("Code", result.Code);
                w.WriteString("Reason", result.Reason);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <exception cref="FormatException">The file is not an envelope this version understands; the message says why.</exception>
    public static OutboxEnvelope Parse(ReadOnlySpan<byte> json, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            var version = root.GetProperty("Version").GetInt32();
            if (version > CurrentVersion)
            {
                throw new FormatException($"{path}: envelope version {version} is newer than this SesMailer reads ({CurrentVersion}).");
            }

            return new OutboxEnvelope
            {
                Id = Required(root, nameof(Id), path),
                From = Required(root, "Source", path),
                Destinations = [.. root.GetProperty(nameof(Destinations)).EnumerateArray().Select(d => d.GetString() ?? throw new FormatException($"{path}: a destination is null."))],
                ConfigurationSet = Optional(root, nameof(ConfigurationSet)),
                Tags = [.. root.GetProperty(nameof(Tags)).EnumerateArray().Select(t => new MessageTag(Required(t, "Name", path), Required(t, "Value", path)))],
                EmailName = Optional(root, nameof(EmailName)),
                FromHeaders = root.TryGetProperty(nameof(FromHeaders), out var h) && h.ValueKind == JsonValueKind.True,
                Result = root.TryGetProperty(nameof(Result), out var r) && r.ValueKind == JsonValueKind.Object ? ParseResult(r, path) : null,
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException($"{path}: not a SesMailer envelope ({e.Message}).", e);
        }
    }

    private static OutboxResult ParseResult(JsonElement r, string path) => new(
        Enum.Parse<SendOutcomeKind>(Required(r, "Kind", path)),
        DateTimeOffset.Parse(Required(r, "At", path), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        Optional(r, "SesMessageId"),
        Optional(r, "Code"),
        Optional(r, "Reason"));

    private static string Required(JsonElement e, string name, string path) =>
        Optional(e, name) ?? throw new FormatException($"{path}: the envelope has no {name}.");

    private static string? Optional(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>What became of a message that left the queue, recorded in its envelope.</summary>
/// <param name="Kind">Sent, rejected, failed or in doubt.</param>
/// <param name="At">When the outcome was known.</param>
/// <param name="SesMessageId">The id SES gave it, when sent.</param>
/// <param name="Code">The error code otherwise (<c>MessageRejected</c>, <c>InDoubt</c>, <c>Interrupted</c>…).</param>
/// <param name="Reason">The error message otherwise.</param>
internal sealed record OutboxResult(SendOutcomeKind Kind, DateTimeOffset At, string? SesMessageId, string? Code, string? Reason);
