using SesMailer.Rules;

namespace SesMailer.Ses;

/// <summary>
/// A message is larger than SES accepts: over <see cref="EmailRules.MessageSizeLimit"/> (10 MB = 10,000,000) bytes of
/// MIME, counted on the message as sent, with its attachments already base64-encoded inside it.
/// </summary>
public sealed class MessageTooLargeException : EmailValidationException
{
    /// <summary>Creates the exception for a message of <paramref name="size"/> bytes (field <c>Message</c>).</summary>
    /// <param name="size">The size of the MIME message, or a lower bound of it when <paramref name="atLeast"/>.</param>
    /// <param name="limit">The largest accepted size.</param>
    /// <param name="atLeast">Whether <paramref name="size"/> is what the files alone take once encoded (the message was not composed).</param>
    public MessageTooLargeException(long size, long limit, bool atLeast = false)
        : this("Message", size, limit, "Message: " + MessageSizeRule.TooLarge(size, limit, atLeast))
    {
    }

    /// <summary>Creates the exception for <paramref name="field"/> holding a message of <paramref name="size"/> bytes.</summary>
    /// <param name="field">The field, for example <c>RawMessage</c>.</param>
    /// <param name="size">The size of the MIME message in bytes, or a lower bound of it.</param>
    /// <param name="limit">The largest accepted size.</param>
    /// <param name="message">What is wrong and what to do, starting with the field.</param>
    public MessageTooLargeException(string field, long size, long limit, string message)
        : base(field, EmailRules.MaxMessageSize, message)
    {
        Size = size;
        Limit = limit;
    }

    /// <summary>The size of the MIME message in bytes (or a lower bound of it).</summary>
    public long Size { get; }

    /// <summary>The largest accepted size in bytes.</summary>
    public long Limit { get; }
}
