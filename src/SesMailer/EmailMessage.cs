using SesMailer.Rendering;

namespace SesMailer;

/// <summary>
/// One email ready to compose: its content (subject, HTML and text bodies) and how it is sent (<see cref="Options"/>:
/// addresses, files, headers, tags). The generated <c>Send{Name}Async</c> builds one from the rendered email and the
/// caller's options without copying them; it can also be built by hand and sent with
/// <see cref="IMailer.SendAsync(EmailMessage, CancellationToken)"/>.
/// </summary>
/// <example><code>
/// var message = new EmailMessage { Subject = "Hello", TextBody = "Hi Ann" };
/// message.Options.To.Add("ann@example.com");
/// await mailer.SendAsync(message);
/// </code></example>
public sealed class EmailMessage
{
    /// <summary>Creates an empty message with options of its own.</summary>
    public EmailMessage()
        : this(new EmailOptions())
    {
    }

    /// <summary>Creates a message sent as <paramref name="options"/> say; its content is set afterwards.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public EmailMessage(EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    /// <summary>
    /// Creates the message of a rendered email: <paramref name="content"/> sent as <paramref name="options"/> say, on
    /// behalf of the declared email <paramref name="email"/> (whose defaults the mailer applies), if any.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    public EmailMessage(RenderedEmail content, EmailOptions options, EmailDeclaration? email = null)
        : this(options)
    {
        ArgumentNullException.ThrowIfNull(content);
        Subject = content.Subject;
        HtmlBody = content.Html;
        TextBody = content.Text;
        Email = email;
    }

    /// <summary>The declared email this message was rendered from, or <see langword="null"/> for a hand-built message.</summary>
    public EmailDeclaration? Email { get; private init; }

    /// <summary>How the message is sent: sender, recipients, Reply-To, files, headers, tags, configuration set.</summary>
    public EmailOptions Options { get; }

    /// <summary>Subject line (plain text; encoded as needed when composed).</summary>
    public string Subject { get; set; } = string.Empty;

    /// <summary>The HTML body, or <see langword="null"/>.</summary>
    public string? HtmlBody { get; set; }

    /// <summary>
    /// The plain-text body, or <see langword="null"/>. When only <see cref="HtmlBody"/> is set, a text part is
    /// generated from the HTML.
    /// </summary>
    public string? TextBody { get; set; }

    /// <summary>The same content and declaration over <paramref name="options"/> (the mailer's working copy of a send).</summary>
    internal EmailMessage With(EmailOptions options) => new(options)
    {
        Subject = Subject,
        HtmlBody = HtmlBody,
        TextBody = TextBody,
        Email = Email,
    };
}
