namespace SesMailer;

/// <summary>
/// The stable id every message carries from the moment it is composed or queued: the same through retries, restarts
/// and the folder outbox, so a message can be accounted for exactly once and matched to SES event notifications.
/// </summary>
/// <remarks>
/// It travels as the <see cref="HeaderName"/> header inside the MIME and as the SES message tag <see cref="TagName"/>;
/// SES copies tags into every event it publishes (<c>mail.tags</c>), so a bounce names the message that bounced.
/// </remarks>
public static class StableId
{
    /// <summary>The header the id is written in.</summary>
    public const string HeaderName = "X-SesMailer-Id";

    /// <summary>The SES message tag the id is sent as.</summary>
    public const string TagName = "sesmailer-id";

    /// <summary>
    /// A new id: a version 7 UUID as 32 lowercase hex digits. Its first digits are the time it was made, so ids sort
    /// in the order messages were composed (folder listings, database indexes).
    /// </summary>
    public static string New() => Guid.CreateVersion7().ToString("N");
}
