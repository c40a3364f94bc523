using System.Globalization;
using System.Text;

namespace SesMailer.Compatibility.Checks;

/// <summary>The HTML against Gmail's clipping threshold, and the MIME message against SES's size limit.</summary>
internal static class SizeCheck
{
    public static void Run(LintInput input, List<LintFinding> findings)
    {
        var htmlBytes = Encoding.UTF8.GetByteCount(input.Html);
        if (htmlBytes > LintRules.GmailClipBytes)
        {
            findings.Add(Finding.Own(
                LintRules.GmailClipping,
                string.Create(CultureInfo.InvariantCulture, $"The HTML is {htmlBytes:N0} bytes, over Gmail's clipping threshold of {LintRules.GmailClipBytes:N0} bytes (102 KB): Gmail hides the rest behind \"[Message clipped]\"; trim markup, inline styles or content."),
                null));
        }

        if (input.MimeBytes is { } mimeBytes && mimeBytes > LintRules.SesMessageSizeLimit)
        {
            findings.Add(Finding.Own(
                LintRules.MessageTooLarge,
                string.Create(CultureInfo.InvariantCulture, $"The MIME message is {mimeBytes:N0} bytes, over SES's limit of {LintRules.SesMessageSizeLimit:N0} bytes: SES would refuse it; link to large files instead of attaching them."),
                null));
        }
    }
}
