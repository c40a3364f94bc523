using SesMailer.Sending;

namespace SesMailer.Transport;

/// <summary>A composed message and its envelope, as a transport receives it.</summary>
public sealed class OutgoingEmail
{
    /// <summary>The whole MIME message: CRLF line endings, 7-bit clean.</summary>
    public required ReadOnlyMemory<byte> Mime { get; init; }

    /// <summary>The envelope sender (SES <c>Source</c>), ASCII (punycode domain).</summary>
    public required string From { get; init; }

    /// <summary>Every recipient: To, Cc and Bcc (SES <c>Destinations</c>). Bcc appears only here.</summary>
    public required IReadOnlyList<string> Destinations { get; init; }

    /// <summary>SES configuration set, or <see langword="null"/>.</summary>
    public string? ConfigurationSet { get; init; }

    /// <summary>SES message tags.</summary>
    public IReadOnlyList<MessageTag> Tags { get; init; } = [];

    /// <summary>
    /// The message's stable id (<see cref="StableId"/>), also in its <c>X-SesMailer-Id</c> header; a transport that
    /// supports tags sends it as the tag <c>sesmailer-id</c>. <see langword="null"/> for a message that has none
    /// (an <c>.eml</c> written by another tool).
    /// </summary>
    public string? Id { get; init; }

    /// <summary>The declared email the message was rendered from (for example <c>Welcome</c>), or <see langword="null"/>; never sent.</summary>
    public string? EmailName { get; init; }

    /// <summary>
    /// Which share of the sending rate the message draws on: <see cref="SendLane.Interactive"/> (the default) for a
    /// message someone waits for, <see cref="SendLane.Bulk"/> for a message of a run (bulk, outbox, queue).
    /// </summary>
    public SendLane Lane { get; init; }

    /// <summary>This message in another lane.</summary>
    internal OutgoingEmail WithLane(SendLane lane) => lane == Lane ? this : new OutgoingEmail
    {
        Mime = Mime,
        From = From,
        Destinations = Destinations,
        ConfigurationSet = ConfigurationSet,
        Tags = Tags,
        Id = Id,
        EmailName = EmailName,
        Lane = lane,
    };
}
