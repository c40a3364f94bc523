using MimeKit;
using SesMailer.Benchmarks.Support;

namespace SesMailer.Benchmarks.Mime;

/// <summary>
/// The baseline of the MIME benchmarks: what a careful developer writes with MimeKit alone for SES (a
/// <see cref="BodyBuilder"/>, 7-bit transfer encodings, CRLF line endings), without SesMailer's checks.
/// </summary>
public static class BodyBuilderBaseline
{
    /// <summary>Builds and serialises a message to <see cref="SampleData.To"/>; <paramref name="attachment"/> and <paramref name="image"/> are optional.</summary>
    public static byte[] Compose(string from, string subject, string text, string html, byte[]? attachment, byte[]? image)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(SampleData.To));
        message.Subject = subject;
        var builder = new BodyBuilder { TextBody = text, HtmlBody = html };
        if (image is not null)
        {
            builder.LinkedResources.Add("logo.png", image, ContentType.Parse("image/png")).ContentId = "logo";
        }

        if (attachment is not null)
        {
            builder.Attachments.Add("report.pdf", attachment, ContentType.Parse("application/pdf"));
        }

        message.Body = builder.ToMessageBody();
        return MimeKitByHand.WriteAndDispose(message);
    }
}
