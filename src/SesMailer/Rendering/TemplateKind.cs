using System.ComponentModel;

namespace SesMailer.Rendering;

/// <summary>What a template writes: HTML (expressions are HTML-encoded) or plain text (written as they are).</summary>
/// <remarks>Infrastructure for generated code and SesMailer.RazorLight, hidden from IntelliSense: not a supported API, it may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum TemplateKind
{
    /// <summary>An HTML body (<c>X.cshtml</c>).</summary>
    Html,

    /// <summary>A plain-text body (<c>X.text.cshtml</c>).</summary>
    Text,
}
