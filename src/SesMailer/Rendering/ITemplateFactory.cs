using System.ComponentModel;

namespace SesMailer.Rendering;

/// <summary>Creates templates by name, so that a template can name its layout and partials. The generator writes one per assembly.</summary>
/// <remarks>Infrastructure for generated code and SesMailer.RazorLight, hidden from IntelliSense: not a supported API, it may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ITemplateFactory
{
    /// <summary>A new instance of the template <paramref name="name"/> (file name without <c>.cshtml</c> / <c>.text.cshtml</c>), or <see langword="null"/>.</summary>
    EmailTemplate? Create(string name, TemplateKind kind);
}
