namespace SesMailer.Ses.Model;

/// <summary>SendRawEmail: sends a complete MIME message as is.</summary>
public sealed record SendRawEmailRequest
{
    /// <summary>
    /// The whole MIME message (CRLF, 7-bit); base64-encoded by the client. At most <see cref="EmailRules.MessageSizeLimit"/>
    /// (10,000,000) bytes: SES counts the MIME message, attachments already base64 inside it, not the request's base64 of it.
    /// </summary>
    public required ReadOnlyMemory<byte> RawMessage { get; init; }

    /// <summary>The envelope sender, or <see langword="null"/> to take it from the From header.</summary>
    public string? Source { get; init; }

    /// <summary>
    /// Every recipient (To, Cc and Bcc). When empty SES reads the headers, which never hold Bcc: pass it.
    /// </summary>
    public IReadOnlyList<string> Destinations { get; init; } = [];

    /// <summary>The configuration set, or <see langword="null"/>.</summary>
    public string? ConfigurationSetName { get; init; }

    /// <summary>Message tags.</summary>
    public IReadOnlyList<SesMessageTag> Tags { get; init; } = [];

    /// <summary>Sending authorization: the ARN of the identity for the From header.</summary>
    public string? FromArn { get; init; }

    /// <summary>Sending authorization: the ARN of the identity for <see cref="Source"/>.</summary>
    public string? SourceArn { get; init; }

    /// <summary>Sending authorization: the ARN of the identity for the Return-Path.</summary>
    public string? ReturnPathArn { get; init; }
}
