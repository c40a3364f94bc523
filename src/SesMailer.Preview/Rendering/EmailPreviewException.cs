using System.Diagnostics;
using SesMailer.RazorLight;
using SesMailer.Rendering;

namespace SesMailer.Preview.Rendering;

/// <summary>
/// A preview that could not be rendered or composed: which email and preview, what failed, and where in the templates
/// (<see cref="Locations"/>: path, line and column) when a template is to blame.
/// </summary>
public sealed class EmailPreviewException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EmailPreviewException(string emailName, string previewName, string message, IReadOnlyList<TemplateError> locations, Exception? innerException = null)
        : base(message, innerException)
    {
        EmailName = emailName;
        PreviewName = previewName;
        Locations = locations;
    }

    /// <summary>The email's registry name.</summary>
    public string EmailName { get; }

    /// <summary>The preview's name.</summary>
    public string PreviewName { get; }

    /// <summary>The template lines to blame, first the innermost; empty when no template is (a preview member that threw, an invalid address).</summary>
    public IReadOnlyList<TemplateError> Locations { get; }

    /// <summary>Describes <paramref name="error"/>, thrown while rendering <paramref name="preview"/>, with the template lines found in it.</summary>
    internal static EmailPreviewException From(EmailDescriptor email, EmailPreviewDescriptor preview, string stage, Exception error, string? templateRoot)
    {
        var locations = new List<TemplateError>();
        for (var current = error; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case EmailTemplateCompilationException compilation:
                    locations.AddRange(compilation.Errors);
                    break;
                case EmailTemplateException template:
                    locations.Add(new TemplateError(template.TemplatePath, 0, 0, null, template.Message));
                    break;
                default:
                    // Generated templates carry #line directives, so a frame of template code names the .cshtml and its line.
                    foreach (var frame in new StackTrace(current, fNeedFileInfo: true).GetFrames())
                    {
                        var file = frame.GetFileName();
                        if (file is not null && file.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase))
                        {
                            locations.Add(new TemplateError(Relative(file, templateRoot), frame.GetFileLineNumber(), frame.GetFileColumnNumber(), null, $"{current.GetType().Name}: {current.Message}"));
                        }
                    }

                    break;
            }
        }

        var message = $"{stage} of email '{email.Name}', preview '{preview.Name}' ({preview.Member}) failed: {error.GetType().Name}: {error.Message}";
        return new EmailPreviewException(email.Name, preview.Name, message, locations.Distinct().ToList(), error);
    }

    private static string Relative(string file, string? root)
    {
        if (root is null)
        {
            return file;
        }

        var relative = Path.GetRelativePath(root, file);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? file : relative.Replace('\\', '/');
    }
}
