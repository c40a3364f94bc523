// Part of the rule book (src/Rules/README.md): compiled into the generator, SesMailer and SesMailer.Ses.
namespace SesMailer.Rules;

/// <summary>
/// The short, stable names of the rules a message or request is checked against: the <c>Rule</c> of a broken rule's
/// exception, the <c>error.type</c> of logs and metrics. Public through <c>SesMailer.Ses.EmailRules</c>.
/// </summary>
internal static class RuleIds
{
    /// <summary>A header value, subject, display name or file name contains CR, LF, another line break or a control character.</summary>
    public const string NoLineBreaks = "no-line-breaks";

    /// <summary>An address is not a mailbox SES can deliver to.</summary>
    public const string ValidAddress = "valid-address";

    /// <summary>The local part (before <c>@</c>) is not ASCII; SES has no SMTPUTF8.</summary>
    public const string AsciiLocalPart = "ascii-local-part";

    /// <summary>More distinct recipients (To + Cc + Bcc) than <see cref="RuleLimits.RecipientLimit"/>.</summary>
    public const string MaxRecipients = "max-recipients";

    /// <summary>The MIME message is larger than <see cref="RuleLimits.MessageSizeLimit"/>.</summary>
    public const string MaxMessageSize = "max-message-size";

    /// <summary>A tag name or value is outside <c>[A-Za-z0-9_-]{1,256}</c>.</summary>
    public const string TagCharset = "tag-charset";

    /// <summary>A Content-ID is malformed, or the HTML refers to <c>cid:x</c> but no inline image has Content-ID <c>x</c>.</summary>
    public const string CidResolves = "cid-resolves";

    /// <summary>A required field (sender, a recipient, a body) is missing.</summary>
    public const string Required = "required";

    /// <summary>A custom header has an invalid name.</summary>
    public const string CustomHeader = "custom-header";

    /// <summary>A custom header is one SesMailer writes itself, or one SES reads as an instruction.</summary>
    public const string ReservedHeader = "reserved-header";

    /// <summary>A configuration set name is outside <c>[A-Za-z0-9_-]{1,64}</c>.</summary>
    public const string ConfigurationSetName = "configuration-set-name";

    /// <summary>List-Unsubscribe needs an https URL (one-click) or a mailto address.</summary>
    public const string ListUnsubscribe = "list-unsubscribe";

    /// <summary>The same Content-ID is used by two inline images.</summary>
    public const string UniqueContentId = "unique-content-id";

    /// <summary>A stable message id (<c>X-SesMailer-Id</c>) is outside <c>[A-Za-z0-9_-]{1,64}</c>.</summary>
    public const string StableId = "stable-id";

    /// <summary>A tag name SesMailer sets itself (<c>sesmailer-id</c>).</summary>
    public const string ReservedTag = "reserved-tag";

    /// <summary>The composed MIME is not CRLF-only and 7-bit with lines of at most <see cref="RuleLimits.LineLengthLimit"/> octets.</summary>
    public const string MimeLines = "mime-lines";
}
