using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using SesMailer.Mailing;
using SesMailer.Preview.Tests.Emails;
using SesMailer.Rendering;
using SesMailer.Transport;
using Xunit;

namespace SesMailer.Preview.Tests;

/// <summary>The pages over real HTTP: the index, a preview with its sandboxed frame and security headers, the .eml.</summary>
public class PreviewPageTests
{
    [Fact]
    public async Task The_index_lists_every_email_and_its_variants_and_says_how_to_add_a_preview()
    {
        await using var server = await PreviewServer.StartAsync();

        var (status, body, response) = await server.GetAsync("/emails");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<tr data-email=\"Order\" data-preview-count=\"2\">", body, StringComparison.Ordinal);
        Assert.Contains("<li data-preview=\"Plain\"><a href=\"/emails/Order/Plain\">Plain</a>", body, StringComparison.Ordinal);
        Assert.Contains("<li data-preview=\"With logo and invoice\"><a href=\"/emails/Order/With%20logo%20and%20invoice\">", body, StringComparison.Ordinal);
        Assert.Contains("data-culture=\"fr\" href=\"/emails/Order/Plain?culture=fr\"", body, StringComparison.Ordinal);
        Assert.Contains("<tr data-email=\"Broken\" data-preview-count=\"1\">", body, StringComparison.Ordinal);
        Assert.Contains("<li data-preview=\"Weekly\"><a href=\"/emails/News/Weekly\">Weekly</a>", body, StringComparison.Ordinal);
        // An email with no preview is listed, with the member to add.
        Assert.Contains("<tr data-email=\"Note\" data-preview-count=\"0\">", body, StringComparison.Ordinal);
        Assert.Contains("data-hint=\"add-preview\"", body, StringComparison.Ordinal);
        Assert.Contains("public static NoteEmail Default() =&gt; new(…);", body, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_preview_shows_the_html_in_a_sandboxed_frame_served_under_a_strict_csp()
    {
        await using var server = await PreviewServer.StartAsync();

        var (status, page, response) = await server.GetAsync("/emails/Order/With%20logo%20and%20invoice");

        Assert.Equal(HttpStatusCode.OK, status);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("default-src 'none'; style-src 'nonce-", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<div id=\"subject\" class=\"subject\">", page.Replace("<div class=\"subject\" id=\"subject\">", "<div id=\"subject\" class=\"subject\">", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Order A-101 confirmed", page, StringComparison.Ordinal);
        Assert.Contains("data-render-path=\"compiled\"", page, StringComparison.Ordinal);
        var frame = Regex.Match(page, "<iframe id=\"email-frame\" sandbox=\"\" [^>]*src=\"(?<src>[^\"]+)\"");
        Assert.True(frame.Success, page);
        Assert.Contains("<div class=\"frame-box\" id=\"frame-box\" data-width=\"desktop\" data-view=\"light\">", page, StringComparison.Ordinal);

        var (frameStatus, html, frameResponse) = await server.GetAsync(WebUtility.HtmlDecode(frame.Groups["src"].Value));
        Assert.Equal(HttpStatusCode.OK, frameStatus);
        var frameCsp = frameResponse.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("sandbox; default-src 'none';", frameCsp, StringComparison.Ordinal);
        Assert.Equal("nosniff", frameResponse.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("<h1>Order A-101</h1>", html, StringComparison.Ordinal);
        // The inline image reaches the sandboxed frame as a data: URL; the .eml keeps cid:.
        Assert.Contains("src=\"data:image/png;base64," + Convert.ToBase64String(Previews.Logo) + "\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_switches_change_the_frame_width_and_the_dark_views()
    {
        await using var server = await PreviewServer.StartAsync();

        var (_, narrowInverted, _) = await server.GetAsync("/emails/Order/Plain?width=narrow&view=inverted");
        Assert.Contains("data-width=\"narrow\" data-view=\"inverted\"", narrowInverted, StringComparison.Ordinal);
        Assert.Contains("<a data-width=\"narrow\" href=\"/emails/Order/Plain?tab=html&amp;width=narrow&amp;view=inverted\" aria-current=\"true\">", narrowInverted, StringComparison.Ordinal);

        var (_, dark, _) = await server.GetAsync("/emails/Order/Plain?view=dark");
        var src = WebUtility.HtmlDecode(Regex.Match(dark, "<iframe [^>]*src=\"(?<src>[^\"]+)\"").Groups["src"].Value);
        Assert.Equal("/emails/Order/Plain/html?view=dark", src);
        var (_, darkHtml, _) = await server.GetAsync(src);
        // The email's own dark styles apply: its prefers-color-scheme: dark query always holds in this view.
        Assert.Contains("@media (min-width: 0px) { body { background: #111111;", darkHtml, StringComparison.Ordinal);
        var (_, lightHtml, _) = await server.GetAsync("/emails/Order/Plain/html");
        Assert.Contains("@media (prefers-color-scheme: dark)", lightHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tabs_show_text_headers_attachments_and_raw()
    {
        await using var server = await PreviewServer.StartAsync();
        const string Page = "/emails/Order/With%20logo%20and%20invoice";

        var (_, text, _) = await server.GetAsync(Page + "?tab=text");
        Assert.Contains("<section id=\"panel-text\" data-panel=\"text\"><pre>Order A-101 confirmed. Thanks, Bob.", text, StringComparison.Ordinal);
        var (_, headers, _) = await server.GetAsync(Page + "?tab=headers");
        Assert.Contains("<tr data-header=\"From\"><td><code>From</code></td><td><code>&quot;Shop&quot; &lt;orders@shop.example&gt;</code>", headers.Replace("Shop &lt;", "&quot;Shop&quot; &lt;", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("data-header=\"Subject\"", headers, StringComparison.Ordinal);
        var (_, attachments, _) = await server.GetAsync(Page + "?tab=attachments");
        Assert.Contains("<tr data-part=\"inline\">", attachments, StringComparison.Ordinal);
        Assert.Contains("<tr data-part=\"attachment\">", attachments, StringComparison.Ordinal);
        var (_, raw, _) = await server.GetAsync(Page + "?tab=raw");
        Assert.Contains("Content-Type: multipart/mixed", raw, StringComparison.Ordinal);

        var (partStatus, invoice, partResponse) = await server.GetAsync(Page + "/parts/1");
        Assert.Equal(HttpStatusCode.OK, partStatus);
        Assert.Equal("Invoice A-101", invoice);
        Assert.Equal("attachment", partResponse.Content.Headers.ContentDisposition!.DispositionType);
    }

    [Fact]
    public async Task The_eml_download_is_the_message_a_send_of_the_same_preview_produces()
    {
        await using var server = await PreviewServer.StartAsync();

        var response = await server.Client.GetAsync(new Uri("/emails/Order/With%20logo%20and%20invoice/eml", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("message/rfc822", response.Content.Headers.ContentType!.MediaType);
        var downloaded = await MimeMessage.LoadAsync(await response.Content.ReadAsStreamAsync());

        var sent = new InMemoryTransport();
        using var mailer = Mailer.Create(m => m.DefaultFrom("Tests <tests@example.com>").UseInMemory(sent));
        var preview = Previews.WithLogo();
        await mailer.SendOrderAsync(preview.Options, preview.Email);
        var expected = Assert.Single(sent.Sent).Mime;

        Assert.Equal(Headers(expected), Headers(downloaded));
        Assert.Equal(expected.HtmlBody, downloaded.HtmlBody);
        Assert.Equal(expected.TextBody, downloaded.TextBody);
        Assert.Equal(expected.Body!.ContentType.MimeType, downloaded.Body!.ContentType.MimeType);
        Assert.Equal(
            expected.BodyParts.OfType<MimePart>().Select(p => (p.ContentType.MimeType, p.FileName, p.ContentId)),
            downloaded.BodyParts.OfType<MimePart>().Select(p => (p.ContentType.MimeType, p.FileName, p.ContentId)));
        Assert.Contains("cid:logo", downloaded.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_preview_in_a_culture_of_its_localized_templates_renders_that_template()
    {
        await using var server = await PreviewServer.StartAsync();

        var (_, page, _) = await server.GetAsync("/emails/Order/Plain?culture=fr");
        Assert.Contains("<code id=\"culture\">fr</code>", page, StringComparison.Ordinal);
        var (_, html, _) = await server.GetAsync("/emails/Order/Plain/html?culture=fr");
        Assert.Contains("<h1>Commande A-100</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_names_and_values_are_refused_with_a_message_naming_them()
    {
        await using var server = await PreviewServer.StartAsync();

        var (missing, missingBody, _) = await server.GetAsync("/emails/Order/Nope");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Contains("Email &#39;Order&#39; has no preview named &#39;Nope&#39;; its previews: Plain, With logo and invoice.", missingBody, StringComparison.Ordinal);
        var (badView, badViewBody, _) = await server.GetAsync("/emails/Order/Plain?view=%3Cscript%3E");
        Assert.Equal(HttpStatusCode.BadRequest, badView);
        Assert.Contains("view: &#39;&lt;script&gt;&#39; is not one of light, dark, inverted", badViewBody, StringComparison.Ordinal);
        var (badCulture, _, _) = await server.GetAsync("/emails/Order/Plain?culture=de");
        Assert.Equal(HttpStatusCode.BadRequest, badCulture);
        var (path, _, _) = await server.GetAsync("/emails/..%2F..%2Fetc%2Fpasswd/x");
        Assert.Equal(HttpStatusCode.NotFound, path);
    }

    [Fact]
    public async Task The_page_shows_the_compatibility_report_of_the_html_as_sent()
    {
        await using var server = await PreviewServer.StartAsync();

        var (_, page, _) = await server.GetAsync("/emails/News/Weekly");
        Assert.Matches("<a id=\"lint-summary\" href=\"[^\"]*tab=report[^\"]*\" data-errors=\"1\" data-warnings=\"[1-9]\\d*\"", page);

        var (_, report, _) = await server.GetAsync("/emails/News/Weekly?tab=report");
        Assert.Contains("<section id=\"panel-report\" data-panel=\"report\">", report, StringComparison.Ordinal);
        Assert.Contains("<tr data-finding data-rule=\"http-link\" data-severity=\"warning\"", report, StringComparison.Ordinal);
        Assert.Contains("<tr data-finding data-rule=\"link-without-scheme\" data-severity=\"error\"", report, StringComparison.Ordinal);
        Assert.Contains("<tr data-finding data-rule=\"image-without-alt\"", report, StringComparison.Ordinal);
        Assert.Matches("SesMailer detects \\d+ of its \\d+ features", report);
        Assert.Contains("outlook.windows", report, StringComparison.Ordinal);
    }

    // Date, Message-ID and the stable id are new for every message, preview or send.
    private static List<string> Headers(MimeMessage message) =>
        message.Headers.Where(h => h.Id is not (HeaderId.Date or HeaderId.MessageId) && h.Field != "X-SesMailer-Id").Select(h => h.Field + ": " + h.Value).ToList();
}
