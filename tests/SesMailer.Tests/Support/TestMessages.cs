using MimeKit;
using SesMailer.Mime;
using SesMailer.Rendering;
using SesMailer.Transport;

namespace SesMailer.Tests.Support;

/// <summary>Builders and parsers shared by the tests.</summary>
internal static class TestMessages
{
    public static EmailMessage Valid(Action<EmailMessage>? change = null, EmailDeclaration? email = null)
    {
        var content = new RenderedEmail("Your receipt", "<h1>Thanks</h1><p>Your order is on its way.</p>", "Thanks\n\nYour order is on its way.\n");
        var message = new EmailMessage(content, new EmailOptions(), email)
        {
            Options = { From = new EmailAddress("noreply@acme.example", "Acme") },
        };
        message.Options.To.Add(new EmailAddress("ann@example.com", "Ann"));
        change?.Invoke(message);
        return message;
    }

    public static MimeMessage Parse(ReadOnlyMemory<byte> bytes)
    {
        using var stream = new MemoryStream(bytes.ToArray());
        return MimeMessage.Load(stream);
    }

    public static MimeMessage Parse(OutgoingEmail email) => Parse(email.Mime);

    public static OutgoingEmail Compose(EmailMessage message) => new MimeComposer().Compose(message);

    public static string Ascii(OutgoingEmail email) => System.Text.Encoding.ASCII.GetString(email.Mime.Span);

    /// <summary>The header block (everything before the first blank line) of the top-level message.</summary>
    public static string TopHeaders(OutgoingEmail email)
    {
        var text = Ascii(email);
        return text[..text.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
    }
}
