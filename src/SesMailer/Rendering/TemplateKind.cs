namespace SesMailer.Rendering;

/// <summary>What a template writes: HTML (expressions are HTML-encoded) or plain text (written as they are).</summary>
public enum TemplateKind
{
    /// <summary>An HTML body (<c>X.cshtml</c>).</summary>
    Html,

    /// <summary>A plain-text body (<c>X.text.cshtml</c>).</summary>
    Text,
}
