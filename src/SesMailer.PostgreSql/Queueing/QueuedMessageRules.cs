using SesMailer.Ses;
using SesMailer.Transport;

namespace SesMailer.PostgreSql.Queueing;

/// <summary>
/// What a message must be to be queued. The worker sends the row as it is, long after the caller has gone, so a
/// message that could never be sent is refused now, naming the field and the rule.
/// </summary>
internal static class QueuedMessageRules
{
    public const int MaxIdLength = 200;

    /// <exception cref="ArgumentException">A field breaks a rule; the message names it.</exception>
    public static void ThrowIfInvalid(OutgoingEmail email)
    {
        if (email.Mime.Length == 0)
        {
            throw new ArgumentException("OutgoingEmail.Mime is empty: a queued message needs its whole MIME.", nameof(email));
        }

        if (email.Mime.Length > EmailRules.MessageSizeLimit)
        {
            throw new ArgumentException($"OutgoingEmail.Mime is {email.Mime.Length} bytes; SES accepts at most {EmailRules.MessageSizeLimit} ({EmailRules.MaxMessageSize}).", nameof(email));
        }

        if (string.IsNullOrWhiteSpace(email.From) || HasControl(email.From))
        {
            throw new ArgumentException("OutgoingEmail.From must be one address without line breaks or control characters.", nameof(email));
        }

        if (email.Destinations.Count is 0 or > EmailRules.RecipientLimit)
        {
            throw new ArgumentException($"OutgoingEmail.Destinations must hold from 1 to {EmailRules.RecipientLimit} recipients ({EmailRules.MaxRecipients}); it holds {email.Destinations.Count}.", nameof(email));
        }

        for (var i = 0; i < email.Destinations.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(email.Destinations[i]) || HasControl(email.Destinations[i]))
            {
                throw new ArgumentException($"OutgoingEmail.Destinations[{i}] must be one address without line breaks or control characters.", nameof(email));
            }
        }

        if (email.Id is { } id && (id.Length is 0 or > MaxIdLength || HasControl(id) || id.Contains(' ', StringComparison.Ordinal)))
        {
            throw new ArgumentException($"OutgoingEmail.Id must be 1 to {MaxIdLength} characters without spaces or control characters (a StableId).", nameof(email));
        }

        foreach (var tag in email.Tags)
        {
            // Stored as name=value; the SES tag charset has no '=' in it.
            if (!IsTagText(tag.Name) || !IsTagText(tag.Value))
            {
                throw new ArgumentException($"OutgoingEmail.Tags: '{tag.Name}' must have a name and value of ASCII letters, digits, _ or - ({EmailRules.TagCharset}).", nameof(email));
            }
        }
    }

    private static bool HasControl(string text) => text.Any(char.IsControl);

    private static bool IsTagText(string text) =>
        text.Length is > 0 and <= EmailRules.TagLengthLimit && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
