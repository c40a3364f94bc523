using MimeKit;

namespace SesMailer.Ses.Tests;

/// <summary>Builds real MIME messages with MimeKit (CRLF, 7-bit) for the send tests.</summary>
internal static class TestMessages
{
    public static byte[] Mime(string from, string to, string subject, string text, string html, string? cc = null)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        if (cc is not null)
        {
            message.Cc.Add(MailboxAddress.Parse(cc));
        }

        message.Subject = subject;
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        message.Prepare(EncodingConstraint.SevenBit);
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        using var stream = new MemoryStream();
        message.WriteTo(format, stream);
        return stream.ToArray();
    }

    /// <summary>A small valid SendRawEmail request from a@example.com to b@example.com.</summary>
    public static SesMailer.Ses.Model.SendRawEmailRequest RawRequest() => new()
    {
        RawMessage = Mime("a@example.com", "b@example.com", "s", "t", "<p>h</p>"),
        Source = "a@example.com",
        Destinations = ["b@example.com"],
    };

    public static CancellationToken Timeout(int seconds = 15) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;
}
