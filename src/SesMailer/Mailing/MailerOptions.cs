namespace SesMailer.Mailing;

/// <summary>
/// What every message gets unless it says otherwise: sender, Reply-To, configuration set and tags, globally
/// and per declared email (<see cref="Emails"/>, keyed by email name such as <c>Welcome</c>). Bound from the
/// <c>SesMailer</c> configuration section; addresses are written <c>ann@example.com</c> or <c>Ann &lt;ann@example.com&gt;</c>.
/// </summary>
public sealed class MailerOptions
{
    /// <summary>The default sender, or <see langword="null"/> (then every message must set its own).</summary>
    public string? From { get; set; }

    /// <summary>The default Reply-To addresses, used when a message has none.</summary>
    public IList<string> ReplyTo { get; set; } = new List<string>();

    /// <summary>The default SES configuration set, or <see langword="null"/>.</summary>
    public string? ConfigurationSet { get; set; }

    /// <summary>SES tags added to every message (a message's own tag of the same name wins).</summary>
    public IDictionary<string, string> Tags { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Defaults for one declared email, keyed by its name (for example <c>Welcome</c>); they override the email's
    /// <see cref="EmailAttribute"/> and the global ones, and a send's own options override them.
    /// </summary>
    public IDictionary<string, EmailDefaults> Emails { get; set; } = new Dictionary<string, EmailDefaults>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// When set, every message goes to this one address instead of its recipients (for staging); the original
    /// recipients are listed in the <c>X-SesMailer-Original-Recipients</c> header.
    /// </summary>
    public string? RedirectTo { get; set; }
}

/// <summary>Defaults for one declared email; each one left <see langword="null"/> or empty falls back to the global default.</summary>
public sealed class EmailDefaults
{
    /// <summary>The sender of this email.</summary>
    public string? From { get; set; }

    /// <summary>The Reply-To addresses of this email.</summary>
    public IList<string> ReplyTo { get; set; } = new List<string>();

    /// <summary>The SES configuration set of this email.</summary>
    public string? ConfigurationSet { get; set; }

    /// <summary>SES tags of this email (added to the global ones, winning on the same name).</summary>
    public IDictionary<string, string> Tags { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
