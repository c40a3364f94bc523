using SesMailer.Rules;

namespace SesMailer.Ses;

/// <summary>
/// A message is larger than SES accepts: over <see cref="EmailRules.MessageSizeLimit"/> (10 MB = 10,000,000) bytes of
/// MIME, counted on the message as sent, with its attachments already base64-encoded inside it.
/// </summary>
public sealed class MessageTooLargeException : EmailValidationException
{
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
