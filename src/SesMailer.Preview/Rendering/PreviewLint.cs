using SesMailer.Compatibility;
using SesMailer.Rendering;

namespace SesMailer.Preview.Rendering;

/// <summary>The compatibility report of a rendered preview: its HTML as sent, with its text, subject and encoded size.</summary>
public static class PreviewLint
{
    /// <summary>Checks <paramref name="rendered"/> with <paramref name="linter"/>; <see langword="null"/> when it has no HTML part.</summary>
    public static LintReport? Check(EmailLinter linter, EmailDescriptor email, RenderedPreview rendered)
    {
        ArgumentNullException.ThrowIfNull(linter);
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(rendered);
        return rendered.Html is null
            ? null
            : linter.Check(new LintInput { Html = rendered.Html, Text = rendered.Text, MimeBytes = rendered.Size, Subject = rendered.Subject, TemplatePath = email.HtmlTemplatePath });
    }
}
