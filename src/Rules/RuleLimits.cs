// Part of the rule book (src/Rules/README.md): compiled into the generator, SesMailer and SesMailer.Ses.
namespace SesMailer.Rules;

/// <summary>The limits SES and the mail standards impose on a message. Public through <c>SesMailer.Ses.EmailRules</c>.</summary>
internal static class RuleLimits
{
    /// <summary>The most distinct recipients (To + Cc + Bcc) of one SES message (SES quotas: 50 recipients per message).</summary>
    public const int RecipientLimit = 50;

    /// <summary>
    /// The largest message, in bytes of the MIME message as sent: 10 MB = 10,000,000 bytes. SES quotas give SendRawEmail's
    /// maximum message size as 10 MB after encoding, including attachments; that is the MIME message, whose attachments are
    /// already base64 inside it, not the Query API's own base64 of <c>RawMessage.Data</c>. 10,000,000 is the smaller reading
    /// of "MB", so that a message accepted here is never refused by SES whichever way SES means it.
    /// </summary>
    public const long MessageSizeLimit = 10_000_000;

    /// <summary>The longest line, without its CRLF (RFC 5322: 1000 octets including CRLF).</summary>
    public const int LineLengthLimit = 998;

    /// <summary>The longest SES tag name or value.</summary>
    public const int TagLengthLimit = 256;

    /// <summary>The longest stable message id (<c>X-SesMailer-Id</c>): short enough for logs, a file name and an SES tag value.</summary>
    public const int StableIdLengthLimit = 64;

    /// <summary>The longest SES configuration set name.</summary>
    public const int ConfigurationSetNameLengthLimit = 64;

    /// <summary>The longest local part (before <c>@</c>) of an address (RFC 5321).</summary>
    public const int LocalPartLengthLimit = 64;

    /// <summary>The longest Content-ID SesMailer accepts; it must fit in one header line with room to spare.</summary>
    public const int ContentIdLengthLimit = 200;
}
