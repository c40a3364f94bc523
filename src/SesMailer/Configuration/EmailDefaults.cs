namespace SesMailer.Configuration;

/// <summary>Defaults for one declared email (<c>SesMailer:Emails:{Name}</c>); each one left <see langword="null"/> or empty falls back to the global default.</summary>
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
