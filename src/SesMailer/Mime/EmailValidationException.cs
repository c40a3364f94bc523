namespace SesMailer.Mime;

/// <summary>
/// A message breaks a rule that SES or the MIME standards impose. Thrown before anything is sent;
/// <see cref="ArgumentException.ParamName"/> names the offending field (for example <c>To[2]</c> or
/// <c>Headers[X-Campaign]</c>) and <see cref="Rule"/> says which rule it broke.
/// </summary>
public class EmailValidationException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="field"/> breaking <paramref name="rule"/>.</summary>
    public EmailValidationException(string field, string rule, string message)
        : base(message, field)
    {
        Field = field;
        Rule = rule;
    }

    /// <summary>The field that broke the rule, for example <c>Subject</c> or <c>Cc[0].DisplayName</c>.</summary>
    public string Field { get; }

    /// <summary>A short, stable name of the rule, for example <c>no-line-breaks</c> (see <see cref="EmailRules"/>).</summary>
    public string Rule { get; }
}

/// <summary>The message has more recipients than SES accepts in one message.</summary>
public sealed class TooManyRecipientsException : EmailValidationException
{
    /// <summary>Creates the exception for <paramref name="count"/> recipients.</summary>
    public TooManyRecipientsException(int count, int limit)
        : base("Recipients", EmailRules.MaxRecipients,
            $"The message has {count} recipients (To + Cc + Bcc) but SES accepts at most {limit} per message. " +
            "Split the list, or set OneMessagePerRecipient to send each recipient a message of their own.")
    {
        Count = count;
        Limit = limit;
    }

    /// <summary>How many distinct recipients the message had.</summary>
    public int Count { get; }

    /// <summary>The most recipients one message may have.</summary>
    public int Limit { get; }
}

/// <summary>The composed message is larger than SES accepts.</summary>
public sealed class MessageTooLargeException : EmailValidationException
{
    /// <summary>Creates the exception for a message of <paramref name="size"/> bytes.</summary>
    /// <param name="size">The encoded size, or a lower bound of it when <paramref name="atLeast"/>.</param>
    /// <param name="limit">The largest accepted size.</param>
    /// <param name="atLeast">Whether <paramref name="size"/> is what the files alone take once encoded (the message was not composed).</param>
    public MessageTooLargeException(long size, long limit, bool atLeast = false)
        : base("Message", EmailRules.MaxMessageSize,
            $"The encoded message is {(atLeast ? "at least " : string.Empty)}{size:N0} bytes but SES accepts at most {limit:N0} bytes (10 MB, after base64 " +
            "encoding, which grows attachments by about 37%). Send large files as links instead.")
    {
        Size = size;
        Limit = limit;
    }

    /// <summary>The size of the encoded message in bytes.</summary>
    public long Size { get; }

    /// <summary>The largest accepted size in bytes.</summary>
    public long Limit { get; }
}
