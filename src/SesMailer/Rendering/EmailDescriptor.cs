namespace SesMailer.Rendering;

/// <summary>One declared email, as the generator saw it: what previews and tools list and render.</summary>
public sealed class EmailDescriptor
{
    private readonly Func<object, CancellationToken, Task<RenderedEmail>> _render;

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
        Func<object, CancellationToken, Task<RenderedEmail>> render)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(modelType);
        ArgumentNullException.ThrowIfNull(render);
        Name = name;
        ModelType = modelType;
        HtmlTemplatePath = htmlTemplatePath;
        TextTemplatePath = textTemplatePath;
        SubjectTemplate = subjectTemplate;
        From = from;
        ReplyTo = replyTo;
        Category = category;
        _render = render;
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

    /// <summary>Renders <paramref name="model"/>, which must be a <see cref="ModelType"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="model"/> is not a <see cref="ModelType"/>.</exception>
    public Task<RenderedEmail> RenderAsync(object model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!ModelType.IsInstanceOfType(model))
        {
            throw new ArgumentException($"Email '{Name}' renders a {ModelType}, not a {model.GetType()}.", nameof(model));
        }

        return _render(model, cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
