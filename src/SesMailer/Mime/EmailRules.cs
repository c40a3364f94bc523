namespace SesMailer.Mime;

/// <summary>The limits SES imposes on a raw message, and the names of the rules a message is checked against.</summary>
public static class EmailRules
{
    /// <summary>The most recipients (To + Cc + Bcc) of one SES message.</summary>
    public const int RecipientLimit = 50;

    /// <summary>The largest SES v1 raw message, after MIME encoding: 10 MB.</summary>
    public const long MessageSizeLimit = 10L * 1024 * 1024;

    /// <summary>The longest line, without its CRLF (RFC 5322: 1000 octets including CRLF).</summary>
    public const int LineLengthLimit = 998;

    /// <summary>The longest SES tag name or value.</summary>
    public const int TagLengthLimit = 256;

    /// <summary>Rule: a header value, subject or display name contains CR, LF or another line break.</summary>
    public const string NoLineBreaks = "no-line-breaks";

    /// <summary>Rule: an address is not a valid mailbox.</summary>
    public const string ValidAddress = "valid-address";

    /// <summary>Rule: the local part (before <c>@</c>) is not ASCII; SES has no SMTPUTF8.</summary>
    public const string AsciiLocalPart = "ascii-local-part";

    /// <summary>Rule: more than <see cref="RecipientLimit"/> recipients.</summary>
    public const string MaxRecipients = "max-recipients";

    /// <summary>Rule: the encoded message exceeds <see cref="MessageSizeLimit"/>.</summary>
    public const string MaxMessageSize = "max-message-size";

    /// <summary>Rule: a tag name or value is outside <c>[A-Za-z0-9_-]{1,256}</c>.</summary>
    public const string TagCharset = "tag-charset";

    /// <summary>Rule: the HTML refers to <c>cid:x</c> but no inline image has Content-ID <c>x</c>.</summary>
    public const string CidResolves = "cid-resolves";

    /// <summary>Rule: a required field (sender, a recipient, a body) is missing.</summary>
    public const string Required = "required";

    /// <summary>Rule: a custom header has an invalid name or is one SesMailer writes itself.</summary>
    public const string CustomHeader = "custom-header";

    /// <summary>Rule: the configuration set name is outside <c>[A-Za-z0-9_-]{1,64}</c>.</summary>
    public const string ConfigurationSetName = "configuration-set-name";

    /// <summary>Rule: List-Unsubscribe needs an https URL (one-click) or a mailto address.</summary>
    public const string ListUnsubscribe = "list-unsubscribe";

    /// <summary>Rule: the same Content-ID is used by two inline images.</summary>
    public const string UniqueContentId = "unique-content-id";
}
