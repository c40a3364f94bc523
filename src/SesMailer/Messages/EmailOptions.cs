namespace SesMailer;

/// <summary>
/// How one typed email is addressed and sent: recipients, sender override, tags. Passed to the generated
/// <c>Send{Name}Async(options, model)</c> overload.
/// </summary>
public sealed class EmailOptions
{
    /// <summary>Sender override; <see langword="null"/> keeps the email's or the mailer's default.</summary>
    public EmailAddress? From { get; set; }

    /// <summary>Primary recipients.</summary>
    public IList<EmailAddress> To { get; } = new List<EmailAddress>();

    /// <summary>Carbon-copy recipients.</summary>
    public IList<EmailAddress> Cc { get; } = new List<EmailAddress>();

    /// <summary>Blind carbon-copy recipients.</summary>
    public IList<EmailAddress> Bcc { get; } = new List<EmailAddress>();

    /// <summary>Reply-To addresses; empty keeps the email's or the mailer's default.</summary>
    public IList<EmailAddress> ReplyTo { get; } = new List<EmailAddress>();

    /// <summary>SES message tags added to this send.</summary>
    public IList<MessageTag> Tags { get; } = new List<MessageTag>();

    /// <summary>SES configuration set override.</summary>
    public string? ConfigurationSet { get; set; }
}
