using SesMailer.Rules;

namespace SesMailer.Ses;

/// <summary>
/// The limits SES imposes on a message, and the ids of the rules messages and requests are checked against (the
/// <see cref="EmailValidationException.Rule"/> of a broken rule). The values are defined once, in the rule book that the
/// client, the mailer and the build-time checks of <c>[Email]</c> share.
/// </summary>
public static class EmailRules
{
    /// <summary>The most distinct recipients (To + Cc + Bcc) of one SES message: 50.</summary>
    public const int RecipientLimit = RuleLimits.RecipientLimit;

    /// <summary>
    /// The largest message SES accepts, in bytes of MIME as sent (attachments already base64 inside it): 10 MB, read as
    /// 10,000,000 bytes so that SES never refuses what is accepted here (SES quotas: 10 MB after encoding, including attachments).
    /// </summary>
    public const long MessageSizeLimit = RuleLimits.MessageSizeLimit;

    /// <summary>The longest line, without its CRLF (RFC 5322: 1000 octets including CRLF).</summary>
    public const int LineLengthLimit = RuleLimits.LineLengthLimit;

    /// <summary>The longest SES tag name or value: 256.</summary>
    public const int TagLengthLimit = RuleLimits.TagLengthLimit;

    /// <summary>The longest SES configuration set name: 64.</summary>
    public const int ConfigurationSetNameLengthLimit = RuleLimits.ConfigurationSetNameLengthLimit;

    /// <summary>Rule: a header value, subject, display name or file name contains CR, LF, another line break or a control character.</summary>
    public const string NoLineBreaks = RuleIds.NoLineBreaks;

    /// <summary>Rule: an address is not a mailbox SES can deliver to.</summary>
    public const string ValidAddress = RuleIds.ValidAddress;

    /// <summary>Rule: the local part (before <c>@</c>) is not ASCII; SES has no SMTPUTF8.</summary>
    public const string AsciiLocalPart = RuleIds.AsciiLocalPart;

    /// <summary>Rule: more than <see cref="RecipientLimit"/> distinct recipients.</summary>
    public const string MaxRecipients = RuleIds.MaxRecipients;

    /// <summary>Rule: the MIME message exceeds <see cref="MessageSizeLimit"/>.</summary>
    public const string MaxMessageSize = RuleIds.MaxMessageSize;

    /// <summary>Rule: a tag name or value is outside <c>[A-Za-z0-9_-]{1,256}</c>.</summary>
    public const string TagCharset = RuleIds.TagCharset;

    /// <summary>Rule: a Content-ID is malformed, or the HTML refers to <c>cid:x</c> but no inline image has Content-ID <c>x</c>.</summary>
    public const string CidResolves = RuleIds.CidResolves;

    /// <summary>Rule: a required field (sender, a recipient, a body) is missing.</summary>
    public const string Required = RuleIds.Required;

    /// <summary>Rule: a custom header has an invalid name.</summary>
    public const string CustomHeader = RuleIds.CustomHeader;

    /// <summary>Rule: a custom header is one SesMailer writes itself, or one SES reads as an instruction (<c>X-SES-*</c>).</summary>
    public const string ReservedHeader = RuleIds.ReservedHeader;

    /// <summary>Rule: the configuration set name is outside <c>[A-Za-z0-9_-]{1,64}</c>.</summary>
    public const string ConfigurationSetName = RuleIds.ConfigurationSetName;

    /// <summary>Rule: List-Unsubscribe needs an https URL (one-click) or a mailto address.</summary>
    public const string ListUnsubscribe = RuleIds.ListUnsubscribe;

    /// <summary>Rule: the same Content-ID is used by two inline images.</summary>
    public const string UniqueContentId = RuleIds.UniqueContentId;

    /// <summary>Rule: the composed MIME is not CRLF-only and 7-bit with lines of at most <see cref="LineLengthLimit"/> octets.</summary>
    public const string MimeLines = RuleIds.MimeLines;

    /// <summary>A stable message id is outside <c>[A-Za-z0-9_-]{1,64}</c>.</summary>
    public const string StableId = RuleIds.StableId;

    /// <summary>A tag name SesMailer sets itself.</summary>
    public const string ReservedTag = RuleIds.ReservedTag;
}
