using System.Text;
using MimeKit;
using SesMailer.Rendering;
using SesMailer.Tests.Support;

namespace SesMailer.Tests.Messages;

public sealed class MessageFeatureTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sesmailer-files-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("invoice.pdf", "application/pdf")]
    [InlineData("photo.JPG", "image/jpeg")]
    [InlineData("data.csv", "text/csv")]
    [InlineData("notes.txt", "text/plain")]
    [InlineData("archive.zip", "application/zip")]
    [InlineData("unknown.weird-ext", "application/octet-stream")]
    public void Content_type_is_inferred_from_the_file_name(string name, string expected) =>
        Assert.Equal(expected, new EmailAttachment(name, new byte[] { 1 }).ContentType);

    [Fact]
    public void An_explicit_content_type_wins_and_a_malformed_one_is_rejected()
    {
        Assert.Equal("application/vnd.acme+json", new EmailAttachment("a.pdf", new byte[] { 1 }, "application/vnd.acme+json").ContentType);
        var error = Assert.Throws<ArgumentException>(() => new EmailAttachment("a.pdf", new byte[] { 1 }, "not a type"));
        Assert.Equal("contentType", error.ParamName);
    }

    [Fact]
    public async Task Attachments_from_bytes_streams_and_files_arrive_intact()
    {
        var path = Path.Combine(_folder, "report.csv");
        await File.WriteAllTextAsync(path, "a;b\n1;2\n");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("stream content"));
        using var asyncStream = new MemoryStream(Encoding.UTF8.GetBytes("async stream"));
        var message = TestMessages.Valid(m =>
        {
            m.Options.Attachments.Add(EmailAttachment.FromBytes("bytes.bin", [0, 1, 2, 255]));
            m.Options.Attachments.Add(EmailAttachment.FromStream("stream.txt", stream));
            m.Options.Attachments.Add(EmailAttachment.FromFile(path));
            m.Options.Attachments.Add(EmailAttachment.FromFile(path, fileName: "renamed.csv", contentType: "text/plain"));
        });
        message.Options.Attachments.Add(await EmailAttachment.FromStreamAsync("async.txt", asyncStream));
        message.Options.Attachments.Add(await EmailAttachment.FromFileAsync(path));

        var mime = TestMessages.Parse(TestMessages.Compose(message));

        var mixed = Assert.IsType<Multipart>(mime.Body);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        Assert.IsType<MultipartAlternative>(mixed[0]);
        var files = mime.Attachments.OfType<MimePart>().ToList();
        Assert.Equal(["bytes.bin", "stream.txt", "report.csv", "renamed.csv", "async.txt", "report.csv"], files.Select(f => f.FileName));
        Assert.Equal(["application/octet-stream", "text/plain", "text/csv", "text/plain", "text/plain", "text/csv"], files.Select(f => f.ContentType.MimeType));
        Assert.All(files, f => Assert.Equal(ContentEncoding.Base64, f.ContentTransferEncoding));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, Decode(files[0]));
        Assert.Equal("stream content", Encoding.UTF8.GetString(Decode(files[1])));
        Assert.Equal("a;b\n1;2\n", Encoding.UTF8.GetString(Decode(files[2])));
        Assert.Equal("async stream", Encoding.UTF8.GetString(Decode(files[4])));
    }

    [Fact]
    public void A_missing_file_is_reported()
    {
        Assert.Throws<FileNotFoundException>(() => EmailAttachment.FromFile(Path.Combine(_folder, "missing.pdf")));
    }

    [Fact]
    public void Inline_images_sit_with_the_html_in_multipart_related_and_attachments_outside()
    {
        var mime = TestMessages.Parse(TestMessages.Compose(TestMessages.Valid(m =>
        {
            m.HtmlBody = "<img src=\"cid:logo\" alt=\"Acme\"><p>Hi</p>";
            m.Options.InlineImages.Add(EmailAttachment.FromBytes("logo.png", [137, 80, 78, 71]).AsInline("logo"));
            m.Options.Attachments.Add(EmailAttachment.FromBytes("terms.pdf", [1]));
        })));

        var mixed = Assert.IsType<Multipart>(mime.Body);
        var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
        Assert.Equal("text/plain", alternative[0].ContentType.MimeType);
        var related = Assert.IsType<MultipartRelated>(alternative[1]);
        Assert.Equal("text/html", related.ContentType.Parameters["type"]);
        Assert.Equal("text/html", related[0].ContentType.MimeType);
        var image = Assert.IsType<MimePart>(related[1]);
        Assert.Equal("logo", image.ContentId);
        Assert.Equal("image/png", image.ContentType.MimeType);
        Assert.Equal(ContentDisposition.Inline, image.ContentDisposition!.Disposition);
        Assert.Equal("terms.pdf", Assert.IsType<MimePart>(mixed[1]).FileName);
    }

    [Fact]
    public void Cc_several_reply_to_addresses_and_custom_headers_are_written()
    {
        var email = TestMessages.Compose(TestMessages.Valid(m =>
        {
            m.Options.Cc.Add(new EmailAddress("carl@example.com", "Carl"));
            m.Options.ReplyTo.Add("support@acme.example");
            m.Options.ReplyTo.Add(new EmailAddress("sales@acme.example", "Acme Sales"));
            m.Options.Headers["X-Campaign"] = "spring-2026";
            m.Options.Headers["X-Entity-Ref-ID"] = "order-42";
        }));
        var mime = TestMessages.Parse(email);

        Assert.Equal(["carl@example.com"], mime.Cc.Mailboxes.Select(a => a.Address));
        Assert.Equal(["support@acme.example", "sales@acme.example"], mime.ReplyTo.Mailboxes.Select(a => a.Address));
        Assert.Equal("spring-2026", mime.Headers["X-Campaign"]);
        Assert.Equal("order-42", mime.Headers["X-Entity-Ref-ID"]);
        Assert.Single(mime.Headers, h => h.Field == "Reply-To");
    }

    [Fact]
    public void One_click_list_unsubscribe_writes_both_headers_once()
    {
        var email = TestMessages.Compose(TestMessages.Valid(m =>
            m.Options.ListUnsubscribe = ListUnsubscribe.OneClickUrl(new Uri("https://acme.example/unsubscribe?u=ann%40example.com&l=news"), "unsubscribe@acme.example")));
        var mime = TestMessages.Parse(email);

        Assert.Equal("<https://acme.example/unsubscribe?u=ann%40example.com&l=news>, <mailto:unsubscribe@acme.example>",
            Unfold(mime.Headers["List-Unsubscribe"]!));
        Assert.Equal("List-Unsubscribe=One-Click", mime.Headers["List-Unsubscribe-Post"]);
        Assert.Single(mime.Headers, h => h.Field == "List-Unsubscribe");
        Assert.Single(mime.Headers, h => h.Field == "List-Unsubscribe-Post");
    }

    [Fact]
    public void A_mailto_only_list_unsubscribe_has_no_one_click_header()
    {
        var mime = TestMessages.Parse(TestMessages.Compose(TestMessages.Valid(m =>
            m.Options.ListUnsubscribe = new ListUnsubscribe { Mailto = "unsubscribe@acme.example" })));

        Assert.Equal("<mailto:unsubscribe@acme.example>", mime.Headers["List-Unsubscribe"]);
        Assert.Null(mime.Headers["List-Unsubscribe-Post"]);
    }

    [Theory]
    [InlineData(EmailPriority.High, "1 (Highest)", "high", "urgent")]
    [InlineData(EmailPriority.Low, "5 (Lowest)", "low", "non-urgent")]
    public void Priority_writes_the_three_headers_clients_read(EmailPriority priority, string xPriority, string importance, string prio)
    {
        var mime = TestMessages.Parse(TestMessages.Compose(TestMessages.Valid(m => m.Options.Priority = priority)));
        Assert.Equal(xPriority, mime.Headers["X-Priority"]);
        Assert.Equal(importance, mime.Headers["Importance"]);
        Assert.Equal(prio, mime.Headers["Priority"]);
    }

    [Fact]
    public void Normal_priority_writes_no_priority_header()
    {
        var mime = TestMessages.Parse(TestMessages.Compose(TestMessages.Valid()));
        Assert.Null(mime.Headers["X-Priority"]);
        Assert.Null(mime.Headers["Importance"]);
    }

    [Fact]
    public void A_rendered_email_is_sent_over_the_callers_options_without_copying()
    {
        var options = new EmailOptions
        {
            From = "noreply@acme.example",
            ConfigurationSet = "transactional",
            ListUnsubscribe = ListUnsubscribe.OneClickUrl(new Uri("https://acme.example/u")),
            Priority = EmailPriority.High,
            OneMessagePerRecipient = true,
        };
        options.To.Add("ann@example.com");
        options.Cc.Add("carl@example.com");
        options.Bcc.Add("audit@example.com");
        options.ReplyTo.Add("support@acme.example");
        options.Tags.Add(new MessageTag("kind", "welcome"));
        options.Attachments.Add(EmailAttachment.FromBytes("a.pdf", [1]));
        options.InlineImages.Add(EmailAttachment.FromBytes("logo.png", [2]).AsInline("logo"));
        options.Headers["X-Campaign"] = "spring";

        var message = new EmailMessage(new RenderedEmail("Hi", "<p>Hi</p>", "Hi"), options, new EmailDeclaration("Welcome"));

        // The message is the rendered content over the caller's options: one shape, nothing copied.
        Assert.Same(options, message.Options);
        Assert.Equal(("Hi", "<p>Hi</p>", "Hi"), (message.Subject, message.HtmlBody, message.TextBody));
        Assert.Equal("Welcome", message.Email?.Name);

        // No property of the options is repeated on the message.
        var optionNames = typeof(EmailOptions).GetProperties().Select(p => p.Name).ToHashSet();
        Assert.DoesNotContain(typeof(EmailMessage).GetProperties(), p => optionNames.Contains(p.Name));
    }

    [Fact]
    public void Configuration_set_and_tags_travel_as_parameters_not_headers()
    {
        var email = TestMessages.Compose(TestMessages.Valid(m =>
        {
            m.Options.ConfigurationSet = "transactional";
            m.Options.Tags.Add(new MessageTag("campaign", "spring-2026"));
        }));

        Assert.Equal("transactional", email.ConfigurationSet);
        Assert.Equal([new MessageTag("campaign", "spring-2026")], email.Tags);
        var headers = TestMessages.TopHeaders(email);
        Assert.DoesNotContain("X-SES-", headers, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("ann@example.com", "ann@example.com", null)]
    [InlineData("Ann Smith <ann@example.com>", "ann@example.com", "Ann Smith")]
    [InlineData("\"Smith, Ann\" <ann@example.com>", "ann@example.com", "Smith, Ann")]
    public void Addresses_parse_from_configuration_text(string text, string address, string? name) =>
        Assert.Equal(new EmailAddress(address, name), EmailAddress.Parse(text));

    private static byte[] Decode(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }

    private static string Unfold(string value) => value.Replace("\r\n", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal);
}
