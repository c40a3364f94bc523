using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SesMailer.Ses;

namespace SesMailer.Configuration;

/// <summary>
/// Every setting of SesMailer in one tree, bound from the <c>SesMailer</c> configuration section and checked at
/// start-up: what every message gets unless it says otherwise (sender, Reply-To, configuration set, tags, globally
/// and per declared email), which transport carries the messages, and how SES is reached. Addresses are written
/// <c>ann@example.com</c> or <c>Ann &lt;ann@example.com&gt;</c>.
/// </summary>
/// <remarks>
/// Sections reserved for what comes next, so that each feature does not invent its own shape: <c>Queue</c> (the
/// PostgreSQL outbox) and <c>Previews</c>.
/// </remarks>
public sealed class MailerOptions
{
    /// <summary>The default sender, or <see langword="null"/> (then every message must set its own).</summary>
    [Mailbox]
    public string? From { get; set; }

    /// <summary>The default Reply-To addresses, used when a message has none.</summary>
    [Mailbox]
    public IList<string> ReplyTo { get; set; } = new List<string>();

    /// <summary>The default SES configuration set, or <see langword="null"/>.</summary>
    [ConfigurationSetName]
    public string? ConfigurationSet { get; set; }

    /// <summary>SES tags added to every message (a message's own tag of the same name wins).</summary>
    [SesTags]
    public IDictionary<string, string> Tags { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Defaults for one declared email, keyed by its name (for example <c>Welcome</c>); they override the email's
    /// <see cref="EmailAttribute"/> and the global ones, and a send's own options override them.
    /// </summary>
    [EmailDefaultsMap]
    public IDictionary<string, EmailDefaults> Emails { get; set; } = new Dictionary<string, EmailDefaults>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The culture emails render in when a send names none (a culture name such as <c>fr-FR</c>), checked at
    /// start-up. <value>The default value is <see langword="null"/>: the caller's current culture, as before.</value>
    /// </summary>
    [CultureName]
    public string? Culture { get; set; }

    /// <summary>
    /// When set, every message goes to this one address instead of its recipients (for staging); the original
    /// recipients are listed in the <c>X-SesMailer-Original-Recipients</c> header.
    /// </summary>
    [Mailbox]
    public string? RedirectTo { get; set; }

    /// <summary>The transport (configuration key <c>Transport</c>). <value>The default value is <see cref="TransportKind.Auto"/>.</value></summary>
    [ConfigurationKeyName("Transport")]
    [DefinedTransport]
    public TransportKind Transport { get; set; }

    /// <summary>Settings of the outbox transport (<c>Outbox:Folder</c>).</summary>
    [ValidateObjectMembers]
    public OutboxOptions Outbox { get; set; } = new();

    /// <summary>
    /// How SES is reached (<c>Ses:Region</c>, <c>Ses:Profile</c>, <c>Ses:Endpoint</c>, <c>Ses:AttemptTimeout</c>,
    /// <c>Ses:Retry:…</c>); anything left unset comes from the standard AWS chain. Credentials never go in
    /// configuration: they come from that chain, or from code through <see cref="MailerBuilder.UseSes(Action{SesClientOptions}?, Amazon.Runtime.AWSCredentials?)"/>.
    /// </summary>
    public SesClientOptions Ses { get; set; } = new();

    /// <summary>
    /// How fast SES sends go (<c>Sending:MaxSendRate</c>, <c>Sending:MaxConcurrency</c>, <c>Sending:InteractiveShare</c>…):
    /// the rate in recipients per second (else read from GetSendQuota), the sends in flight, and the share kept for
    /// interactive sends.
    /// </summary>
    public SendingOptions Sending { get; set; } = new();

    /// <summary>
    /// The transport <see cref="Transport"/> stands for: <see cref="TransportKind.Auto"/> is SES when any SES setting
    /// (region, profile or endpoint) is present or the AWS chain supplies a region (<c>AWS_REGION</c>,
    /// <c>AWS_DEFAULT_REGION</c>, the profile's region), the outbox otherwise. Outside the Development environment
    /// Auto never falls back to the outbox: that is a start-up error naming the <c>Transport</c> setting.
    /// </summary>
    public TransportKind EffectiveTransport => TransportChoice.Resolve(this).Kind;
}
