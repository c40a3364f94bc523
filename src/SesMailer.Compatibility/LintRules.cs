using SesMailer.Rules;

namespace SesMailer.Compatibility;

/// <summary>
/// The severity table: which finding is an error, a warning or information. The project README shows the same
/// table (a test keeps the two equal). An error is something unsafe or something SES refuses; a warning is
/// something some recipients will see broken; information is worth knowing.
/// </summary>
public static class LintRules
{
    /// <summary>A link whose scheme runs code or reads local files (<c>javascript:</c>, <c>vbscript:</c>, <c>data:</c>, <c>file:</c>), or a URL SesMailer's encoder refused.</summary>
    public const string UnsafeLink = "unsafe-link";

    /// <summary>A link with no scheme (<c>/account</c>, <c>www.example.com</c>, empty): it goes nowhere from a mail client.</summary>
    public const string LinkWithoutScheme = "link-without-scheme";

    /// <summary>A plain <c>http:</c> link.</summary>
    public const string HttpLink = "http-link";

    /// <summary>An image with no <c>alt</c> attribute.</summary>
    public const string ImageWithoutAlt = "image-without-alt";

    /// <summary>An image without both a width and a height.</summary>
    public const string ImageWithoutDimensions = "image-without-dimensions";

    /// <summary>No preheader: the body does not begin with a hidden block of text.</summary>
    public const string MissingPreheader = "missing-preheader";

    /// <summary>The HTML is larger than Gmail's clipping threshold (<see cref="GmailClipBytes"/>).</summary>
    public const string GmailClipping = "gmail-clipping";

    /// <summary>The MIME message is larger than SES accepts (<see cref="SesMessageSizeLimit"/>).</summary>
    public const string MessageTooLarge = "message-too-large";

    /// <summary>A caniemail feature that at least one chosen client does not support.</summary>
    public const string CanIEmailUnsupported = "caniemail-unsupported";

    /// <summary>A caniemail feature that the chosen clients support only in part.</summary>
    public const string CanIEmailPartial = "caniemail-partial";

    /// <summary>
    /// The size of HTML (UTF-8 bytes) above which Gmail clips a message behind "[Message clipped] View entire
    /// message": 102 KB, counted as 102 × 1024 bytes.
    /// </summary>
    public const int GmailClipBytes = 102 * 1024;

    /// <summary>The largest MIME message SES accepts, in bytes (the rule book's limit, as <c>SesMailer.Ses.EmailRules.MessageSizeLimit</c>).</summary>
    public const long SesMessageSizeLimit = RuleLimits.MessageSizeLimit;

    /// <summary>Every rule with its severity, errors first.</summary>
    public static IReadOnlyList<LintRule> All { get; } =
    [
        new(UnsafeLink, LintSeverity.Error, "A link (href) with a javascript:, vbscript:, data: or file: scheme, or the about:invalid URL SesMailer writes in place of a model value it refused: script or local files in an email are an attack, and clients strip or block them."),
        new(LinkWithoutScheme, LintSeverity.Error, "A link with no scheme (relative, like /account, or a bare host, or empty): there is no page to be relative to in a mail client, so the link is broken for everyone."),
        new(MessageTooLarge, LintSeverity.Error, "The MIME message, attachments included, is larger than SES accepts (10,000,000 bytes): the send would be refused."),
        new(HttpLink, LintSeverity.Warning, "A plain http: link: readable and changeable on the way, and flagged by some clients; use https:."),
        new(ImageWithoutAlt, LintSeverity.Warning, "An image without an alt attribute: screen readers read out its file name, and with images off (the default in many clients) nothing explains it. Decorative images take alt=\"\"."),
        new(ImageWithoutDimensions, LintSeverity.Warning, "An image without a width and a height (attributes or inline style): Outlook on Windows shows it at its file's size, and the layout jumps while it loads."),
        new(MissingPreheader, LintSeverity.Warning, "The body does not begin with a preheader: a block of text hidden from view (display:none, or visibility:hidden, or max-height:0 with overflow:hidden, or opacity:0, or font-size:0, or mso-hide:all, or the hidden attribute) before any visible text. Inboxes show it beside the subject; without it they show the first words of the body."),
        new(GmailClipping, LintSeverity.Warning, "The HTML is larger than 102 KB (104,448 bytes of UTF-8): Gmail clips it behind \"[Message clipped]\", hiding the rest, often the unsubscribe link."),
        new(CanIEmailUnsupported, LintSeverity.Warning, "An HTML or CSS feature that at least one chosen client does not support in its latest tested version (caniemail); the finding lists the clients and caniemail's notes."),
        new(CanIEmailPartial, LintSeverity.Info, "An HTML or CSS feature that some chosen clients support only in part (caniemail); the finding lists the clients and caniemail's notes."),
    ];

    /// <summary>The severity of <paramref name="ruleId"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="ruleId"/> is not a rule of <see cref="All"/>.</exception>
    public static LintSeverity SeverityOf(string ruleId)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        foreach (var rule in All)
        {
            if (string.Equals(rule.Id, ruleId, StringComparison.Ordinal))
            {
                return rule.Severity;
            }
        }

        throw new ArgumentException($"'{ruleId}' is not a rule of the compatibility report; the rules are {string.Join(", ", All.Select(static r => r.Id))}.", nameof(ruleId));
    }
}
