using SesMailer.Mailing;
using SesMailer.Mime;
using SesMailer.Ses;
using SesMailer.Tests.Support;
using SesMailer.Transport;

namespace SesMailer.Tests.Mime;

/// <summary>
/// Every SES rule: the bad message is rejected through the public mailer with an error naming the field, and
/// nothing reaches the transport; its good counterpart is sent.
/// </summary>
public class SesRuleTests
{
    private readonly InMemoryTransport _transport = new();
    private readonly Mailer _mailer;

    public SesRuleTests() => _mailer = Mailer.Create(m => m.UseInMemory(_transport));

    private async Task<EmailValidationException> Rejected(Action<EmailMessage> change, string field, string rule)
    {
        var error = await Assert.ThrowsAnyAsync<EmailValidationException>(() => _mailer.SendAsync(TestMessages.Valid(change)));
        Assert.Equal(field, error.Field);
        Assert.Equal(field, error.ParamName);
        Assert.Equal(rule, error.Rule);
        Assert.StartsWith(field.Split('[')[0], error.Message, StringComparison.Ordinal);
        _transport.AssertNothingSent();
        return error;
    }

    private async Task<SentEmail> Accepted(Action<EmailMessage> change)
    {
        await _mailer.SendAsync(TestMessages.Valid(change));
        _transport.AssertSentCount(1);
        return _transport.Last!;
    }

    public static TheoryData<string> LineBreaks => new() { "\r", "\n", "\r\n", "\u0085", "\u2028", "\u2029", "\v", "\f", "\0" };

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public async Task Line_breaks_in_the_subject_are_rejected_not_stripped(string lineBreak)
    {
        var error = await Rejected(m => m.Subject = "Hello" + lineBreak + "Bcc: victim@example.com", "Subject", EmailRules.NoLineBreaks);
        Assert.Contains($"U+{(int)lineBreak[0]:X4}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public async Task Line_breaks_in_display_names_are_rejected(string lineBreak)
    {
        await Rejected(m => m.Options.To[0] = new EmailAddress("ann@example.com", "Ann" + lineBreak + "Bcc: x@example.com"), "To[0].DisplayName", EmailRules.NoLineBreaks);
        await Rejected(m => m.Options.From = new EmailAddress("noreply@acme.example", "Acme" + lineBreak), "From.DisplayName", EmailRules.NoLineBreaks);
    }

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public async Task Line_breaks_in_custom_header_values_are_rejected(string lineBreak) =>
        await Rejected(m => m.Options.Headers["X-Campaign"] = "spring" + lineBreak + "Bcc: x@example.com", "Headers[X-Campaign]", EmailRules.NoLineBreaks);

    [Fact]
    public async Task Line_breaks_in_attachment_names_and_addresses_are_rejected()
    {
        await Rejected(m => m.Options.Attachments.Add(new EmailAttachment("a\r\nb.txt", new byte[] { 1 })), "Attachments[0].FileName", EmailRules.NoLineBreaks);
        await Rejected(m => m.Options.Cc.Add("carl@example.com\r\nBcc: x@example.com"), "Cc[0]", EmailRules.NoLineBreaks);
    }

    [Fact]
    public async Task Good_counterpart_tabs_and_unicode_in_headers_are_sent_and_decoded()
    {
        var sent = await Accepted(m =>
        {
            m.Subject = "Grüße\tand welcome";
            m.Options.To[0] = new EmailAddress("ann@example.com", "Zoë, \"the\" Ångström");
            m.Options.Headers["X-Campaign"] = "Frühling 2026";
        });

        Assert.Equal("Grüße\tand welcome", sent.Subject);
        Assert.Equal("Zoë, \"the\" Ångström", sent.To[0].DisplayName);
        Assert.Equal("Frühling 2026", sent.Header("X-Campaign"));
    }

    [Theory]
    [InlineData("plainaddress")]
    [InlineData("@example.com")]
    [InlineData("ann@")]
    [InlineData("ann@@example.com")]
    [InlineData("ann example@example.com")]
    [InlineData(".ann@example.com")]
    [InlineData("ann..smith@example.com")]
    [InlineData("ann@localhost")]
    [InlineData("ann@exa mple.com")]
    [InlineData("ann@-example.com")]
    [InlineData("ann@example..com")]
    [InlineData("\"ann smith\"@example.com")]
    [InlineData("")]
    public async Task Invalid_addresses_are_rejected(string address) =>
        await Rejected(m => m.Options.To.Add(address), "To[1]", EmailRules.ValidAddress);

    // The generator's build-time check of [Email] From/ReplyTo is this same rule: these fail the build (SESM0103) too.
    [Theory]
    [InlineData("a..b@example.com")]
    [InlineData(".lead@example.com")]
    [InlineData("trail.@example.com")]
    public async Task Dots_at_the_ends_or_doubled_in_the_local_part_are_rejected_for_the_sender(string address) =>
        await Rejected(m => m.Options.From = address, "From", EmailRules.ValidAddress);

    [Theory]
    [InlineData("ann@example.com")]
    [InlineData("ann.smith+orders@mail.example.co.uk")]
    [InlineData("o'brien@example.ie")]
    [InlineData("x_y-z=1@sub.example.com")]
    public async Task Valid_addresses_are_sent(string address)
    {
        var sent = await Accepted(m => m.Options.To.Add(address));
        Assert.Contains(address, sent.Destinations);
    }

    [Fact]
    public async Task A_non_ascii_local_part_is_rejected_with_the_reason()
    {
        var error = await Rejected(m => m.Options.Bcc.Add("jürgen@example.com"), "Bcc[0]", EmailRules.AsciiLocalPart);
        Assert.Contains("SMTPUTF8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_ascii_domain_is_sent_as_punycode()
    {
        var sent = await Accepted(m => m.Options.To[0] = "ann@bücher.example");
        Assert.Equal(["ann@xn--bcher-kva.example"], sent.Destinations);
        Assert.Empty(sent.Bcc);
        Assert.Contains("To: ann@xn--bcher-kva.example\r\n", TestMessages.TopHeaders(sent.Outgoing), StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_than_50_recipients_are_rejected_with_the_count()
    {
        var error = await Assert.ThrowsAsync<TooManyRecipientsException>(() => _mailer.SendAsync(TestMessages.Valid(m =>
        {
            for (var i = 0; i < 30; i++)
            {
                m.Options.Cc.Add($"cc{i}@example.com");
            }

            for (var i = 0; i < 21; i++)
            {
                m.Options.Bcc.Add($"bcc{i}@example.com");
            }
        })));

        Assert.Equal(52, error.Count);
        Assert.Equal(50, error.Limit);
        Assert.Contains("52 recipients", error.Message, StringComparison.Ordinal);
        Assert.Equal(EmailRules.MaxRecipients, error.Rule);
        _transport.AssertNothingSent();
    }

    [Fact]
    public async Task Exactly_50_recipients_are_one_message()
    {
        var sent = await Accepted(m =>
        {
            for (var i = 0; i < 49; i++)
            {
                m.Options.Bcc.Add($"bcc{i}@example.com");
            }
        });
        Assert.Equal(50, sent.Destinations.Count);
    }

    [Fact]
    public async Task Opting_in_sends_one_message_per_recipient()
    {
        var result = await _mailer.SendAsync(TestMessages.Valid(m =>
        {
            m.Options.OneMessagePerRecipient = true;
            m.Options.Cc.Add("carl@example.com");
            for (var i = 0; i < 60; i++)
            {
                m.Options.Bcc.Add($"user{i}@example.com");
            }

            m.Options.Bcc.Add("ANN@example.com");
        }));

        _transport.AssertSentCount(62);
        Assert.Equal(62, result.MessageIds.Count);
        Assert.All(_transport.Sent, e => Assert.Single(e.Destinations));
        Assert.All(_transport.Sent, e => Assert.Empty(e.Cc));
        Assert.Equal("user59@example.com", _transport.SentTo("user59@example.com").Single().To.Single().Address);
        Assert.Single(_transport.SentTo("ann@example.com"));
    }

    [Fact]
    public async Task A_message_over_10_MB_after_encoding_is_rejected_with_its_size()
    {
        // 7,000,000 bytes of file encode to 9,578,950 bytes, under the limit; the body pushes the composed message over it.
        var file = new byte[7_000_000];
        var error = await Assert.ThrowsAsync<MessageTooLargeException>(() => _mailer.SendAsync(TestMessages.Valid(m =>
        {
            m.Options.Attachments.Add(EmailAttachment.FromBytes("big.bin", file));
            m.TextBody = string.Concat(Enumerable.Repeat("A line of an unusually long receipt.\n", 16_000));
        })));

        Assert.True(error.Size > EmailRules.MessageSizeLimit);
        Assert.Equal(10_000_000, error.Limit);
        Assert.Contains(error.Size.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("at least", error.Message, StringComparison.Ordinal);
        _transport.AssertNothingSent();
    }

    [Fact]
    public async Task Files_far_over_the_limit_are_refused_before_encoding()
    {
        var error = await Assert.ThrowsAsync<MessageTooLargeException>(() => _mailer.SendAsync(TestMessages.Valid(m =>
        {
            m.Options.Attachments.Add(EmailAttachment.FromBytes("a.bin", new byte[5_000_000]));
            m.Options.InlineImages.Add(EmailAttachment.FromBytes("b.png", new byte[5_000_000]).AsInline("b"));
        })));

        // Each 5,000,000-byte file: 6,666,668 base64 characters in 87,720 lines of at most 76, each ending in CRLF.
        Assert.Equal(2 * (6_666_668 + (87_720 * 2)), error.Size);
        Assert.Contains("at least", error.Message, StringComparison.Ordinal);
        _transport.AssertNothingSent();
    }

    [Fact]
    public void A_message_of_exactly_10_000_000_bytes_is_composed_and_one_byte_more_is_refused()
    {
        // SES documents 10 MB; read as 10,000,000 bytes (not 10 MiB), so SES never refuses what we accept.
        var composer = new MimeComposer(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.Zero)));
        var lines = LinesOfText(9_999_000);
        var pad = 10_000_000 - composer.Compose(TextOnly(lines, 0)).Mime.Length;
        Assert.InRange(pad, 1, 900);

        Assert.Equal(10_000_000, composer.Compose(TextOnly(lines, pad)).Mime.Length);

        var error = Assert.Throws<MessageTooLargeException>(() => composer.Compose(TextOnly(lines, pad + 1)));
        Assert.Equal(10_000_001, error.Size);
        Assert.Equal(10_000_000, error.Limit);
        Assert.Equal(EmailRules.MaxMessageSize, error.Rule);
        Assert.Contains("10,000,000", error.Message, StringComparison.Ordinal);
    }

    // Short ASCII lines go out 7-bit, one byte per character plus CR per line; the last line pads to an exact size.
    private static EmailMessage TextOnly(string lines, int pad) =>
        TestMessages.Valid(m => (m.HtmlBody, m.TextBody) = (null, lines + new string('b', pad) + "\n"));

    private static string LinesOfText(int composedBytes)
    {
        var text = new System.Text.StringBuilder();
        while (text.Length + (text.Length / 99) < composedBytes)
        {
            text.Append('a', 98).Append('\n');
        }

        return text.ToString();
    }

    [Theory]
    [InlineData("with space", "v")]
    [InlineData("k", "a=b")]
    [InlineData("k", "ünï")]
    [InlineData("", "v")]
    [InlineData("k", "")]
    [InlineData("k", "x\r\ny")]
    public async Task Tags_outside_the_ses_charset_are_rejected(string name, string value)
    {
        var field = TagFieldFor(name, value);
        var error = await Rejected(m => m.Options.Tags.Add(new MessageTag(name, value)), field, EmailRules.TagCharset);
        Assert.Contains("A-Z, a-z, 0-9, '_' and '-'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kind\n", "welcome", "Tags[0].Name")]
    [InlineData("kind", "welcome\n", "Tags[0].Value")]
    public async Task Tags_with_a_trailing_line_feed_are_rejected(string name, string value, string field) =>
        await Rejected(m => m.Options.Tags.Add(new MessageTag(name, value)), field, EmailRules.TagCharset);

    [Fact]
    public async Task Tags_over_256_characters_are_rejected_and_256_is_accepted()
    {
        await Rejected(m => m.Options.Tags.Add(new MessageTag("k", new string('v', 257))), "Tags[0].Value", EmailRules.TagCharset);
        var sent = await Accepted(m => m.Options.Tags.Add(new MessageTag(new string('k', 256), new string('v', 256))));
        Assert.Equal(256, sent.Tags.Single().Name.Length);
    }

    [Fact]
    public async Task A_cid_without_a_matching_inline_image_is_rejected()
    {
        var error = await Rejected(m =>
        {
            m.HtmlBody = "<img src=\"cid:logo\"><img src='cid:banner'>";
            m.Options.InlineImages.Add(EmailAttachment.FromBytes("logo.png", [1]).AsInline("logo"));
        }, "HtmlBody", EmailRules.CidResolves);
        Assert.Contains("cid:banner", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_inline_image_without_a_content_id_is_rejected()
    {
        await Rejected(m => m.Options.InlineImages.Add(EmailAttachment.FromBytes("logo.png", [1])), "InlineImages[0].ContentId", EmailRules.CidResolves);
    }

    [Theory]
    [InlineData("logo\n")]
    [InlineData("lo go")]
    [InlineData("<logo>")]
    public async Task An_inline_image_with_a_malformed_content_id_is_rejected(string contentId) =>
        await Rejected(m => m.Options.InlineImages.Add(EmailAttachment.FromBytes("logo.png", [1]).AsInline(contentId)), "InlineImages[0].ContentId", EmailRules.CidResolves);

    [Fact]
    public async Task A_cid_with_its_inline_image_is_sent_as_multipart_related()
    {
        var sent = await Accepted(m =>
        {
            m.HtmlBody = "<p style=\"background:url(cid:bg%40acme)\"><img src=\"CID:logo\"></p>";
            m.Options.InlineImages.Add(EmailAttachment.FromBytes("logo.png", [1]).AsInline("logo"));
            m.Options.InlineImages.Add(EmailAttachment.FromBytes("bg.gif", [2]).AsInline("bg@acme"));
        });

        Assert.Equal(["logo", "bg@acme"], sent.InlineImages.Select(i => i.ContentId));
    }

    [Fact]
    public async Task A_message_without_sender_recipient_or_body_is_rejected()
    {
        await Rejected(m => m.Options.From = null, "From", EmailRules.Required);
        await Rejected(m => m.Options.To.Clear(), "To", EmailRules.Required);
        await Rejected(m => (m.HtmlBody, m.TextBody) = (null, null), "HtmlBody", EmailRules.Required);
    }

    [Theory]
    [InlineData("Subject")]
    [InlineData("bcc")]
    [InlineData("Content-Type")]
    [InlineData("List-Unsubscribe")]
    public async Task Headers_SesMailer_writes_itself_are_rejected_as_custom_headers(string name) =>
        await Rejected(m => m.Options.Headers[name] = "value", $"Headers[{name}]", EmailRules.ReservedHeader);

    [Theory]
    [InlineData("X-Bad Name")]
    [InlineData("X-Bad:Name")]
    [InlineData("X-Bad\n")]
    [InlineData("X-Ünicode")]
    public async Task Malformed_custom_header_names_are_rejected(string name) =>
        await Rejected(m => m.Options.Headers[name] = "value", $"Headers[{name}]", EmailRules.CustomHeader);

    // SES reads these as instructions (sending authorization, configuration set, tags) and strips them before delivery.
    [Theory]
    [InlineData("X-SES-SOURCE-ARN")]
    [InlineData("X-SES-FROM-ARN")]
    [InlineData("X-SES-RETURN-PATH-ARN")]
    [InlineData("X-SES-CONFIGURATION-SET")]
    [InlineData("x-ses-message-tags")]
    public async Task Ses_instruction_headers_are_rejected_as_custom_headers(string name)
    {
        var error = await Rejected(m => m.Options.Headers[name] = "value", $"Headers[{name}]", EmailRules.ReservedHeader);
        Assert.Contains("SES", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad name")]
    [InlineData("receipts\n")]
    [InlineData("")]
    public async Task An_invalid_configuration_set_name_is_rejected(string name) =>
        await Rejected(m => m.Options.ConfigurationSet = name, "ConfigurationSet", EmailRules.ConfigurationSetName);

    [Fact]
    public async Task A_configuration_set_name_of_64_characters_is_sent() =>
        Assert.Equal(new string('c', 64), (await Accepted(m => m.Options.ConfigurationSet = new string('c', 64))).ConfigurationSet);

    [Fact]
    public async Task One_click_unsubscribe_needs_an_https_url()
    {
        await Rejected(m => m.Options.ListUnsubscribe = ListUnsubscribe.OneClickUrl(new Uri("http://acme.example/u")), "ListUnsubscribe.Url", EmailRules.ListUnsubscribe);
        await Rejected(m => m.Options.ListUnsubscribe = new ListUnsubscribe { Mailto = "unsub@acme.example", OneClick = true }, "ListUnsubscribe.Url", EmailRules.ListUnsubscribe);
        await Rejected(m => m.Options.ListUnsubscribe = new ListUnsubscribe(), "ListUnsubscribe", EmailRules.ListUnsubscribe);
        await Rejected(m => m.Options.ListUnsubscribe = ListUnsubscribe.OneClickUrl(new Uri("https://acme.example/u?t=" + new string('a', 1000))), "ListUnsubscribe.Url", EmailRules.ListUnsubscribe);
        await Rejected(m => m.Options.ListUnsubscribe = new ListUnsubscribe { Mailto = "unsubscribe@bad domain" }, "ListUnsubscribe.Mailto", EmailRules.ValidAddress);
    }

    [Fact]
    public async Task Long_unbroken_subjects_and_header_values_are_encoded_into_short_lines()
    {
        var sent = await Accepted(m =>
        {
            m.Subject = new string('s', 1500);
            m.Options.Headers["X-Long"] = new string('a', 1200);
            m.Options.ListUnsubscribe = ListUnsubscribe.OneClickUrl(new Uri("https://acme.example/u?t=" + new string('t', 800)));
        });

        MimeLineTests.AssertSesSafe(sent.Outgoing.Mime.Span);
        Assert.Equal(new string('s', 1500), sent.Subject);
        Assert.Equal(new string('a', 1200), sent.Header("X-Long"));
    }

    private static string TagFieldFor(string name, string value) =>
        name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-')) ? "Tags[0].Name" : "Tags[0].Value";
}
