using SesMailer.Rendering;

namespace SesMailer;

/// <summary>
/// One email ready to compose: addresses, subject and bodies. Typed emails become one of these after
/// rendering; it can also be built by hand and sent with <see cref="IMailer.SendAsync(EmailMessage, CancellationToken)"/>.
/// </summary>
public sealed class EmailMessage
{
    /// <summary>The declared email this message was rendered from (for example <c>Welcome</c>), or <see langword="null"/> for a hand-built message.</summary>
    public string? EmailName { get; set; }

    /// <summary>The sender. When <see langword="null"/>, the mailer's default sender is used.</summary>
    public EmailAddress? From { get; set; }

    /// <summary>Primary recipients.</summary>
    public IList<EmailAddress> To { get; } = new List<EmailAddress>();

    /// <summary>Carbon-copy recipients.</summary>
    public IList<EmailAddress> Cc { get; } = new List<EmailAddress>();

    /// <summary>Blind carbon-copy recipients: delivered through the envelope only, never written into the MIME.</summary>
    public IList<EmailAddress> Bcc { get; } = new List<EmailAddress>();

    /// <summary>Reply-To addresses.</summary>
    public IList<EmailAddress> ReplyTo { get; } = new List<EmailAddress>();

    /// <summary>Subject line (plain text; encoded as needed when composed).</summary>
    public string Subject { get; set; } = string.Empty;

    /// <summary>The HTML body, or <see langword="null"/>.</summary>
    public string? HtmlBody { get; set; }

    /// <summary>The plain-text body, or <see langword="null"/>.</summary>
    public string? TextBody { get; set; }

    /// <summary>SES message tags (sent as SendRawEmail parameters).</summary>
    public IList<MessageTag> Tags { get; } = new List<MessageTag>();

    /// <summary>The SES configuration set, or <see langword="null"/> for the mailer's default.</summary>
    public string? ConfigurationSet { get; set; }

    /// <summary>Builds a message from a rendered email and the caller's addressing options.</summary>
    public static EmailMessage FromRendered(RenderedEmail rendered, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        ArgumentNullException.ThrowIfNull(options);
        var message = new EmailMessage
        {
            From = options.From,
            Subject = rendered.Subject,
            HtmlBody = rendered.Html,
            TextBody = rendered.Text,
            ConfigurationSet = options.ConfigurationSet,
        };
        AddAll(message.To, options.To);
        AddAll(message.Cc, options.Cc);
        AddAll(message.Bcc, options.Bcc);
        AddAll(message.ReplyTo, options.ReplyTo);
        AddAll(message.Tags, options.Tags);
        return message;
    }

    private static void AddAll<T>(IList<T> target, IEnumerable<T> source)
    {
        foreach (var item in source)
        {
            target.Add(item);
        }
    }
}
