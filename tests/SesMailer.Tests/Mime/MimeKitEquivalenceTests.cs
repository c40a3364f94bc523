using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using SesMailer.Mime;
using SesMailer.Tests.Support;

namespace SesMailer.Tests.Mime;

/// <summary>
/// The composer builds its messages with MimeKit but skips work MimeKit would do for nothing (the parameterless
/// constructor's own Date and Message-Id, the encoding scan of text it proves 7-bit). These tests hold it to the bytes
/// MimeKit writes when used the plain way: <c>new MimeMessage()</c>, its properties and lists, <c>Prepare(SevenBit)</c>.
/// </summary>
public partial class MimeKitEquivalenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 14, 5, 9, TimeSpan.FromHours(1));

    public static TheoryData<string, string?, string?> Bodies => new()
    {
        { "Welcome to Acme, Ann O'Neil & Co!", "<!DOCTYPE html>\n<html>\n<body>\n  <p>Hello &amp; welcome</p>  \n</body>\n</html>\n", "Hello & welcome\n\nhttps://acme.example/confirm?token=7f3a9c&user=42\n" },
        { "Grüße aus Köln — ваш заказ 🚚", "<p>Grüße, Zoë! 注文は発送されました。</p>", "Grüße, Zoë!\n" },
        { "A line that starts with From", "<p>x</p>", "From the team:\nFrom here on, thanks.\n" },
        { "Long lines", "<p>" + new string('a', 997) + "</p>", new string('b', 998) + "\n" + new string('c', 999) },
        { "Exactly 998", new string('h', 998), new string('t', 998) + "\n" },
        { "Mixed line endings", "<p>a</p>\r\n<p>b</p>\r<p>c</p>", "one\r\ntwo\rthree\n\u2028four\ffive" },
        { "Control and tabs", "<pre>\tcol\u0001\u007f</pre>", "tab\there  \ntrailing space \n" },
        { "HTML only", "<p>Hello <a href=\"https://acme.example/confirm\">confirm</a></p>", null },
        { "Text only", null, "Just text.\n" },
        { "Empty text", "<p>x</p>", string.Empty },
        { "NUL inside", "<p>a\0b</p>", "a\0b" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Composed_bytes_equal_plain_MimeKit_for_these_bodies(string subject, string? html, string? text)
    {
        AssertSameAsMimeKit(TestMessages.Valid(m =>
        {
            m.Subject = subject;
            m.HtmlBody = html;
            m.TextBody = text;
        }));
    }

    [Fact]
    public void Composed_bytes_equal_plain_MimeKit_with_every_address_header_and_custom_headers()
    {
        AssertSameAsMimeKit(TestMessages.Valid(m =>
        {
            m.Options.From = new EmailAddress("noreply@acme.example", "Société \"Générale\", Paris");
            m.Options.To[0] = new EmailAddress("ann@example.com", "Zoë Ångström");
            m.Options.To.Add("juergen@bücher.example");
            for (var i = 0; i < 8; i++)
            {
                m.Options.To.Add(new EmailAddress($"person{i}@example.com", $"Person Number {i}"));
            }

            m.Options.Cc.Add("carl@example.com");
            m.Options.ReplyTo.Add(new EmailAddress("help@acme.example", "Acme Help"));
            m.Options.Headers["X-Campaign"] = "winter sale, with a value long enough to be folded by MimeKit when it is written out as a header line";
            m.Subject = new string('s', 200) + " and more words to fold";
        }));
    }

    [Theory]
    [InlineData(59)]
    [InlineData(60)]
    [InlineData(61)]
    [InlineData(62)]
    [InlineData(64)]
    public void A_callers_stable_id_of_any_length_is_written_as_MimeKit_writes_it(int length)
    {
        AssertSameAsMimeKit(TestMessages.Valid(m => m.Options.Id = string.Concat(Enumerable.Repeat("id-", 100))[..length]));
    }

    private static void AssertSameAsMimeKit(EmailMessage message)
    {
        var composed = new MimeComposer(new FakeTimeProvider(Now)).Compose(message);
        var actual = Encoding.ASCII.GetString(composed.Mime.Span);
        var messageId = TestMessages.Parse(composed).MessageId!;

        var expected = Encoding.ASCII.GetString(PlainMimeKit(message, messageId, composed.Id!));
        Assert.Equal(Boundaries(expected), Boundaries(actual));
        MimeLineTests.AssertSesSafe(composed.Mime.Span);
    }

    // The message as MimeKit writes it used the plain way (what the composer did before it skipped anything).
    private static byte[] PlainMimeKit(EmailMessage message, string messageId, string id)
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        format.International = false;
        using var mime = new MimeMessage { Date = Now, MessageId = messageId };
        mime.From.Add(Mailbox(message.Options.From!));
        mime.To.AddRange(message.Options.To.Select(Mailbox));
        mime.Cc.AddRange(message.Options.Cc.Select(Mailbox));
        mime.ReplyTo.AddRange(message.Options.ReplyTo.Select(Mailbox));
        mime.Headers.Replace(Header(format, "Subject", message.Subject ?? string.Empty));
        foreach (var (name, value) in message.Options.Headers)
        {
            mime.Headers.Add(Header(format, name, value));
        }

        var text = message.TextBody ?? (message.HtmlBody is null ? null : HtmlToText.Convert(message.HtmlBody));
        MimeEntity? html = message.HtmlBody is null ? null : Text("html", message.HtmlBody);
        mime.Body = (text, html) switch
        {
            (not null, not null) => new MultipartAlternative { Text("plain", text), html },
            (not null, null) => Text("plain", text),
            _ => html!,
        };
        mime.Headers.Add(StableId.HeaderName, id);
        mime.Prepare(EncodingConstraint.SevenBit, 998);
        using var stream = new MemoryStream();
        mime.WriteTo(format, stream);
        return stream.ToArray();
    }

    private static MailboxAddress Mailbox(EmailAddress address) =>
        new(Encoding.UTF8, address.DisplayName ?? string.Empty, Mailboxes.ToAscii(address, "address"));

    private static Header Header(FormatOptions format, string name, string value)
    {
        var header = new Header(name, string.Empty);
        header.SetValue(format, Encoding.UTF8, value);
        return header;
    }

    private static TextPart Text(string subtype, string content)
    {
        var part = new TextPart(subtype);
        part.SetText(Encoding.UTF8, content.ReplaceLineEndings("\n"));
        return part;
    }

    private static string Boundaries(string mime) => Boundary().Replace(mime, "BOUNDARY");

    [GeneratedRegex("=-[A-Za-z0-9+/]{22}==")]
    private static partial Regex Boundary();
}
