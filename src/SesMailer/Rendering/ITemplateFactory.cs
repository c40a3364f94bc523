namespace SesMailer.Rendering;

/// <summary>Creates templates by name, so that a template can name its layout and partials. The generator writes one per assembly.</summary>
public interface ITemplateFactory
{
    /// <summary>A new instance of the template <paramref name="name"/> (file name without <c>.cshtml</c> / <c>.text.cshtml</c>), or <see langword="null"/>.</summary>
    EmailTemplate? Create(string name, TemplateKind kind);
}
