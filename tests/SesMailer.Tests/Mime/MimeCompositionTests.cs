using System.Text;
using MimeKit;
using SesMailer.Mime;
using SesMailer.Tests.Support;

namespace SesMailer.Tests.Mime;

public class MimeCompositionTests
{
    [Fact]
    public void The_message_id_names_the_senders_domain_not_this_machine_and_is_new_each_time()
    {
        var first = TestMessages.Parse(TestMessages.Compose(TestMessages.Valid()));
        var second = TestMessages.Parse(TestMessages.Compose(TestMessages.Valid()));

        Assert.Matches("^[0-9a-f]{32}@acme\\.example$", first.MessageId);
        Assert.DoesNotContain(Environment.MachineName, first.MessageId, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(first.MessageId, second.MessageId);
    }

    [Fact]
    public void Text_and_html_become_multipart_alternative_with_both_parts_in_utf8()
    {
        var email = TestMessages.Compose(TestMessages.Valid());
        var mime = TestMessages.Parse(email);

        var alternative = Assert.IsType<MultipartAlternative>(mime.Body);
        Assert.Equal(2, alternative.Count);
        var text = Assert.IsType<TextPart>(alternative[0]);
        var html = Assert.IsType<TextPart>(alternative[1]);
        Assert.Equal("text/plain", text.ContentType.MimeType);
        Assert.Equal("text/html", html.ContentType.MimeType);
        Assert.Equal("utf-8", text.ContentType.Charset);
        Assert.Equal("utf-8", html.ContentType.Charset);
        Assert.Equal("Thanks\n\nYour order is on its way.\n", text.Text.ReplaceLineEndings("\n"));
        Assert.Contains("<h1>Thanks</h1>", html.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Required_headers_are_present()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.Zero));
        var email = new MimeComposer(time).Compose(TestMessages.Valid());
        var mime = TestMessages.Parse(email);
        var headers = TestMessages.TopHeaders(email);

        Assert.Equal("noreply@acme.example", mime.From.Mailboxes.Single().Address);
        Assert.Equal("Acme", mime.From.Mailboxes.Single().Name);
        Assert.Equal("ann@example.com", mime.To.Mailboxes.Single().Address);
        Assert.Equal("Your receipt", mime.Subject);
        Assert.Equal(time.GetUtcNow(), mime.Date);
        Assert.Contains("\r\nMIME-Version: 1.0", "\r\n" + headers, StringComparison.Ordinal);
        Assert.Contains("\r\nDate: ", "\r\n" + headers, StringComparison.Ordinal);
        Assert.Equal("noreply@acme.example", email.From);
        Assert.Equal(["ann@example.com"], email.Destinations);
    }

    [Fact]
    public void Non_ascii_subject_and_display_names_are_rfc2047_encoded_and_decode_back()
    {
        var email = TestMessages.Compose(TestMessages.Valid(m =>
        {
            m.Subject = "Grüße aus Köln — ваш заказ 🚚";
            m.Options.From = new EmailAddress("noreply@acme.example", "Société Générale");
            m.Options.To[0] = new EmailAddress("ann@example.com", "Zoë Ångström");
        }));
        var headers = TestMessages.TopHeaders(email);
        var mime = TestMessages.Parse(email);

        Assert.Contains("Subject: =?utf-8?", headers, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Grüße aus Köln — ваш заказ 🚚", mime.Subject);
        Assert.Equal("Société Générale", mime.From.Mailboxes.Single().Name);
        Assert.Equal("Zoë Ångström", mime.To.Mailboxes.Single().Name);
    }

    [Fact]
    public void Non_ascii_domains_go_out_as_punycode_in_headers_and_destinations()
    {
        var email = TestMessages.Compose(TestMessages.Valid(m =>
        {
            m.Options.To[0] = "juergen@bücher.example";
            m.Options.Bcc.Add("ops@münchen.example");
        }));

        Assert.Equal(["juergen@xn--bcher-kva.example", "ops@xn--mnchen-3ya.example"], email.Destinations);
        Assert.Contains("To: juergen@xn--bcher-kva.example", TestMessages.TopHeaders(email), StringComparison.Ordinal);
    }

    [Fact]
    public void Html_only_message_gets_a_generated_text_part()
    {
        var email = TestMessages.Compose(TestMessages.Valid(m =>
        {
            m.TextBody = null;
            m.HtmlBody = "<p>Hello <a href=\"https://acme.example/confirm\">confirm</a></p>";
        }));
        var mime = TestMessages.Parse(email);

        Assert.IsType<MultipartAlternative>(mime.Body);
        Assert.Equal("Hello confirm (https://acme.example/confirm)", mime.TextBody!.Trim());
    }

    [Fact]
    public void Text_only_message_is_a_single_text_part()
    {
        var email = TestMessages.Compose(TestMessages.Valid(m => m.HtmlBody = null));
        var mime = TestMessages.Parse(email);

        var text = Assert.IsType<TextPart>(mime.Body);
        Assert.True(text.IsPlain);
    }

    [Fact]
    public void Bcc_recipients_are_in_the_envelope_and_nowhere_in_the_mime()
    {
        var email = TestMessages.Compose(TestMessages.Valid(m =>
        {
            m.Options.Cc.Add("carl@example.com");
            m.Options.Bcc.Add("secret-auditor@example.com");
        }));
        var raw = TestMessages.Ascii(email);

        Assert.Equal(["ann@example.com", "carl@example.com", "secret-auditor@example.com"], email.Destinations);
        Assert.DoesNotContain("secret-auditor", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\r\nBcc:", raw, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(TestMessages.Parse(email).Bcc);
    }
}
