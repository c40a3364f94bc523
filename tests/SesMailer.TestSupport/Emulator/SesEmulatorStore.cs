using System.Text.Json.Serialization;

namespace SesMailer.TestSupport.Emulator;

/// <summary>The typed view of aws-ses-v2-local's <c>GET /store</c>.</summary>
public sealed record SesEmulatorStore(
    [property: JsonPropertyName("emails")] IReadOnlyList<StoredEmail> Emails);

/// <summary>One email as the emulator parsed it (it parses the MIME with mailparser).</summary>
public sealed record StoredEmail(
    [property: JsonPropertyName("messageId")] string MessageId,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("replyTo")] IReadOnlyList<string> ReplyTo,
    [property: JsonPropertyName("destination")] StoredDestination Destination,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("body")] StoredBody Body,
    [property: JsonPropertyName("attachments")] IReadOnlyList<StoredAttachment> Attachments,
    [property: JsonPropertyName("at")] long At);

/// <summary>Recipients as the emulator saw them in the headers (it ignores <c>Destinations</c>).</summary>
public sealed record StoredDestination(
    [property: JsonPropertyName("to")] IReadOnlyList<string> To,
    [property: JsonPropertyName("cc")] IReadOnlyList<string> Cc,
    [property: JsonPropertyName("bcc")] IReadOnlyList<string> Bcc);

/// <summary>The decoded bodies.</summary>
public sealed record StoredBody(
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("html")] string? Html);

/// <summary>An attachment; <see cref="Content"/> is base64.</summary>
public sealed record StoredAttachment(
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("contentType")] string ContentType,
    [property: JsonPropertyName("filename")] string? FileName,
    [property: JsonPropertyName("size")] long Size);
