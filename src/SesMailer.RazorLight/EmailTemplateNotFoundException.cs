namespace SesMailer.RazorLight;

/// <summary>No template (or no layout or partial of that name) exists in the engine's sources.</summary>
public sealed class EmailTemplateNotFoundException : EmailTemplateException
{
    /// <summary>Creates the exception.</summary>
    public EmailTemplateNotFoundException(string templatePath, string message, IReadOnlyList<string> searchedPaths)
        : base(templatePath, message)
    {
        SearchedPaths = searchedPaths;
    }

    /// <summary>The paths that were looked for, in order.</summary>
    public IReadOnlyList<string> SearchedPaths { get; }
}
