namespace SesMailer.Ses.Model;

/// <summary>
/// An SES message tag as the Query API carries it (<c>Tags.member.N.Name</c> / <c>.Value</c>): names and values are
/// 1 to 256 characters of <c>[A-Za-z0-9_-]</c>. SES attaches tags to the message's events (deliveries, bounces,
/// complaints), which is how they are matched back to what was sent.
/// </summary>
/// <param name="Name">The tag name.</param>
/// <param name="Value">The tag value.</param>
public sealed record SesMessageTag(string Name, string Value);
