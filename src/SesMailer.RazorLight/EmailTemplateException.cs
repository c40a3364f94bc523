namespace SesMailer.RazorLight;

/// <summary>A run-time template could not be found, compiled or rendered. <see cref="TemplatePath"/> names it.</summary>
public class EmailTemplateException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public EmailTemplateException(string templatePath, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        TemplatePath = templatePath;
    }

    /// <summary>The template's path in its source (<c>Emails/Welcome.cshtml</c>); shipped templates are under <c>_shared/</c>.</summary>
    public string TemplatePath { get; }
}
