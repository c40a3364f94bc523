using System.Globalization;

namespace SesMailer.Rendering;

/// <summary>One declared email, as the generator saw it: what previews and tools list and render.</summary>
public sealed class EmailDescriptor
{
    private readonly Func<object, CultureInfo, CancellationToken, Task<RenderedEmail>> _render;
    private readonly Func<IMailer, EmailOptions, object, CancellationToken, Task<SendResult>> _send;

    /// <summary>Creates a descriptor (the generator writes these; see <see cref="EmailRegistry"/>).</summary>
    public EmailDescriptor(
        string name,
        Type modelType,
        string? htmlTemplatePath,
        string? textTemplatePath,
        string? subjectTemplate,
        string? from,
        string? replyTo,
        string? category,
        Func<object, CultureInfo, CancellationToken, Task<RenderedEmail>> render,
        Func<IMailer, EmailOptions, object, CancellationToken, Task<SendResult>> send,
        EmailDeclaration declaration,
        IReadOnlyList<EmailPreviewDescriptor>? previews = null,
        IReadOnlyList<string>? cultures = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(modelType);
        ArgumentNullException.ThrowIfNull(render);
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(declaration);
        Name = name;
        ModelType = modelType;
        HtmlTemplatePath = htmlTemplatePath;
        TextTemplatePath = textTemplatePath;
        SubjectTemplate = subjectTemplate;
        From = from;
        ReplyTo = replyTo;
        Category = category;
        _render = render;
        _send = send;
        Declaration = declaration;
        Previews = previews ?? [];
        Cultures = cultures ?? [];
    }

    /// <summary>The email's name: its type name without the <c>Email</c> suffix (<c>Welcome</c>).</summary>
    public string Name { get; }

    /// <summary>The <c>[Email]</c> type.</summary>
    public Type ModelType { get; }

    /// <summary>The HTML template, relative to its project (<c>Emails/WelcomeEmail.cshtml</c>), or <see langword="null"/>.</summary>
    public string? HtmlTemplatePath { get; }

    /// <summary>The text template, relative to its project, or <see langword="null"/>.</summary>
    public string? TextTemplatePath { get; }

    /// <summary>The subject as declared, placeholders unfilled (<c>Welcome, {Name}!</c>); for a subject from a <c>.resx</c>, its neutral string.</summary>
    public string? SubjectTemplate { get; }

    /// <summary>The declared default sender, or <see langword="null"/>.</summary>
    public string? From { get; }

    /// <summary>The declared default reply-to address, or <see langword="null"/>.</summary>
    public string? ReplyTo { get; }

    /// <summary>The declared category (also sent as the SES tag <c>category</c>), or <see langword="null"/>.</summary>
    public string? Category { get; }

    /// <summary>The sender, Reply-To and tags the <c>[Email]</c> attribute declares, as a send passes them to the mailer.</summary>
    public EmailDeclaration Declaration { get; }

    /// <summary>The <see cref="EmailPreviewAttribute"/> members that make samples of this email, ordered by name (empty when none).</summary>
    public IReadOnlyList<EmailPreviewDescriptor> Previews { get; }

    /// <summary>The cultures of the email's localized templates (<c>fr</c>, <c>fr-CA</c>), ordered; empty when it has only neutral ones.</summary>
    public IReadOnlyList<string> Cultures { get; }

    /// <summary>Renders <paramref name="model"/>, which must be a <see cref="ModelType"/>, in the current culture.</summary>
    /// <exception cref="ArgumentException"><paramref name="model"/> is not a <see cref="ModelType"/>.</exception>
    public Task<RenderedEmail> RenderAsync(object model, CancellationToken cancellationToken = default) =>
        RenderAsync(model, CultureInfo.CurrentCulture, cancellationToken);

    /// <summary>Renders <paramref name="model"/>, which must be a <see cref="ModelType"/>, in <paramref name="culture"/> (as the generated <c>Render{Name}Async</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="model"/> is not a <see cref="ModelType"/>.</exception>
    public Task<RenderedEmail> RenderAsync(object model, CultureInfo culture, CancellationToken cancellationToken = default)
    {
        CheckModel(model);
        ArgumentNullException.ThrowIfNull(culture);
        return _render(model, culture, cancellationToken);
    }

    /// <summary>
    /// Renders and sends <paramref name="model"/> exactly as the generated <c>Send{Name}Async(mailer, options, model)</c>
    /// does (the options' culture, else the mailer's, else the current one; the declared sender, Reply-To and tags).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="model"/> is not a <see cref="ModelType"/>.</exception>
    public Task<SendResult> SendAsync(IMailer mailer, EmailOptions options, object model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailer);
        ArgumentNullException.ThrowIfNull(options);
        CheckModel(model);
        return _send(mailer, options, model, cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    private void CheckModel(object model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!ModelType.IsInstanceOfType(model))
        {
            throw new ArgumentException($"Email '{Name}' renders a {ModelType}, not a {model.GetType()}.", nameof(model));
        }
    }
}
