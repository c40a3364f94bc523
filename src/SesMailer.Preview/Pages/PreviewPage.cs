using System.Globalization;
using System.Text;
using SesMailer.Compatibility;
using SesMailer.Preview.Rendering;
using SesMailer.Rendering;

namespace SesMailer.Preview.Pages;

/// <summary>
/// One preview: subject, render path, sizes, and tabs for the HTML (in a sandboxed iframe, with width and dark-mode
/// switches), the text part, the headers, the attachments and inline images, and the raw MIME with its download.
/// </summary>
internal static class PreviewPage
{
    private const int RawShown = 200_000;

    public static string Render(EmailDescriptor email, EmailPreviewDescriptor preview, RenderedPreview rendered, LintReport? report, PreviewState state, PreviewLinks links, string nonce)
    {
        var self = links.Preview(email.Name, preview.Name);
        var page = new PageWriter($"{email.Name} · {preview.Name}", nonce);
        page.Raw("<main id=\"email-preview\"").Attribute("data-email", email.Name).Attribute("data-preview", preview.Name).Raw(">");
        page.Raw("<div class=\"crumbs\"><a id=\"back-to-index\"").Attribute("href", links.Index).Raw(">All emails</a></div>");
        page.Raw("<h1>").Text(email.Name).Raw(" <span class=\"muted\">· ").Text(preview.Name).Raw("</span></h1>");
        page.Raw("<div class=\"subject\" id=\"subject\"><span class=\"muted\">Subject:</span> ").Text(rendered.Subject).Raw("</div>");

        var hot = rendered.RenderPath == PreviewRenderPath.HotReload;
        page.Raw("<div class=\"bar\"><span id=\"render-path\" class=\"badge").Raw(hot ? " hot-reload" : string.Empty).Raw("\"")
            .Attribute("data-render-path", hot ? "hot-reload" : "compiled").Raw(">")
            .Text(hot ? "Rendered from the .cshtml files on disk (SesMailer.RazorLight): edits show on refresh" : "Rendered by the compiled templates (build time)")
            .Raw("</span>");
        if (rendered.HotReloadUnavailable is not null)
        {
            page.Raw("<span class=\"muted\" id=\"hot-reload-unavailable\">Hot reload not used: ").Text(rendered.HotReloadUnavailable).Raw("</span>");
        }

        page.Raw("<span class=\"muted\">from <code>").Text(preview.Member).Raw("</code>, culture <code id=\"culture\">").Text(rendered.Culture.Name.Length == 0 ? "invariant" : rendered.Culture.Name).Raw("</code></span>");
        if (rendered.SampleRecipient is not null)
        {
            page.Raw("<span class=\"muted\" id=\"sample-recipient\">The preview names no recipient: addressed to ").Text(rendered.SampleRecipient).Raw("</span>");
        }

        page.Raw("</div>");

        // Other variants of this email, and its cultures.
        page.Raw("<div class=\"bar\"><span class=\"switch\" id=\"variant-switch\">");
        foreach (var other in email.Previews)
        {
            page.Raw("<a").Attribute("data-variant", other.Name).Attribute("href", links.Preview(email.Name, other.Name) + state.Query())
                .Attribute("aria-current", other.Name == preview.Name ? "true" : "false").Raw(">").Text(other.Name).Raw("</a>");
        }

        page.Raw("</span>");
        if (email.Cultures.Count > 0)
        {
            page.Raw("<span class=\"switch\" id=\"culture-switch\"><a data-culture=\"\"").Attribute("href", self + state.Query(neutral: true))
                .Attribute("aria-current", state.Culture is null ? "true" : "false").Raw(">preview's own</a>");
            foreach (var culture in email.Cultures)
            {
                page.Raw("<a").Attribute("data-culture", culture).Attribute("href", self + state.Query(culture: culture))
                    .Attribute("aria-current", state.Culture == culture ? "true" : "false").Raw(">").Text(culture).Raw("</a>");
            }

            page.Raw("</span>");
        }

        page.Raw("</div>");
        Sizes(page, rendered);
        ReportSummary(page, report, self, state);

        page.Raw("<nav class=\"bar\"><span class=\"switch\" id=\"tabs\" role=\"tablist\">");
        foreach (var (tab, label) in new[] { ("html", "HTML"), ("text", "Text"), ("headers", "Headers"), ("attachments", $"Attachments ({rendered.Attachments.Count + rendered.InlineImages.Count})"), ("raw", "Raw"), ("report", $"Report ({report?.Findings.Count ?? 0})") })
        {
            page.Raw("<a role=\"tab\"").Attribute("data-tab", tab).Attribute("href", self + state.Query(tab: tab))
                .Attribute("aria-current", state.Tab == tab ? "true" : "false").Attribute("aria-selected", state.Tab == tab ? "true" : "false").Raw(">").Text(label).Raw("</a>");
        }

        page.Raw("</span><a id=\"download-eml\"").Attribute("href", self + "/eml" + PreviewLinks.Query(("culture", state.Culture)))
            .Attribute("download", $"{email.Name}-{preview.Name}.eml").Raw(">Download .eml</a></nav>");

        switch (state.Tab)
        {
            case "html": Html(page, rendered, state, self); break;
            case "text": page.Raw("<section id=\"panel-text\" data-panel=\"text\">").Raw(rendered.Text is null ? "<p>No text part.</p>" : "<pre>" + PageWriter.Encode(rendered.Text) + "</pre>").Raw("</section>"); break;
            case "headers": Headers(page, rendered); break;
            case "attachments": Attachments(page, rendered, self, state); break;
            case "report": Report(page, report); break;
            default: Raw(page, rendered); break;
        }

        page.Raw("</main>");
        return page.ToString();
    }

    private static void Sizes(PageWriter page, RenderedPreview rendered)
    {
        page.Raw("<div class=\"bar\" id=\"sizes\"").Attribute("data-size", rendered.Size.ToString(CultureInfo.InvariantCulture))
            .Attribute("data-html-size", rendered.HtmlSize.ToString(CultureInfo.InvariantCulture)).Raw(">");
        Meter(page, "size-ses", "Message", rendered.Size, EmailPreviewRenderer.SesMessageSizeLimit, "SES limit");
        Meter(page, "size-gmail", "HTML", rendered.HtmlSize, EmailPreviewRenderer.GmailClipThreshold, "Gmail clips at about");
        page.Raw("</div>");
        foreach (var warning in rendered.Warnings)
        {
            page.Raw("<p class=\"warning\" data-warning>").Text(warning).Raw("</p>");
        }
    }

    private static void Meter(PageWriter page, string id, string label, long value, long limit, string limitLabel)
    {
        var ratio = (double)value / limit;
        // Fixed width classes: the page's CSP allows no style attribute.
        var width = ratio switch { 0 => "w0", < 0.01 => "w1", < 0.05 => "w5", < 0.1 => "w10", < 0.25 => "w25", < 0.5 => "w50", < 0.75 => "w75", < 1 => "w90", _ => "w100" };
        page.Raw("<span").Attribute("id", id).Raw(">").Text($"{label}: {value:N0} bytes ").Raw("<span class=\"meter").Raw(ratio > 1 ? " over" : string.Empty).Raw("\"><span class=\"").Raw(width).Raw("\"></span></span> <span class=\"muted\">")
            .Text($"{ratio:P1} of {limitLabel} {limit:N0}").Raw("</span></span>");
    }

    private static void Html(PageWriter page, RenderedPreview rendered, PreviewState state, string self)
    {
        page.Raw("<section id=\"panel-html\" data-panel=\"html\"><div class=\"bar\"><span class=\"switch\" id=\"width-switch\">");
        foreach (var (width, label) in new[] { ("desktop", "Desktop"), ("narrow", "Narrow (375px)") })
        {
            page.Raw("<a").Attribute("data-width", width).Attribute("href", self + state.Query(width: width))
                .Attribute("aria-current", state.Width == width ? "true" : "false").Raw(">").Text(label).Raw("</a>");
        }

        page.Raw("</span><span class=\"switch\" id=\"view-switch\">");
        foreach (var (view, label) in new[] { ("light", "Light"), ("dark", "Dark: the email's own dark styles"), ("inverted", "Dark: a client that inverts colours") })
        {
            page.Raw("<a").Attribute("data-view", view).Attribute("href", self + state.Query(view: view))
                .Attribute("aria-current", state.View == view ? "true" : "false").Raw(">").Text(label).Raw("</a>");
        }

        page.Raw("</span></div>");
        if (rendered.Html is null)
        {
            page.Raw("<p id=\"no-html\">This email has no HTML part.</p></section>");
            return;
        }

        // sandbox="" (no scripts, no same-origin, no forms, no top navigation); the frame's own response carries a CSP too.
        var frame = self + "/html" + PreviewLinks.Query(("view", state.View == "dark" ? "dark" : null), ("culture", state.Culture));
        page.Raw("<div class=\"frame-box\" id=\"frame-box\"").Attribute("data-width", state.Width).Attribute("data-view", state.View)
            .Raw("><iframe id=\"email-frame\" sandbox=\"\" referrerpolicy=\"no-referrer\"").Attribute("title", "HTML of the email")
            .Attribute("src", frame).Raw("></iframe></div></section>");
    }

    private static void Headers(PageWriter page, RenderedPreview rendered)
    {
        page.Raw("<section id=\"panel-headers\" data-panel=\"headers\"><table><thead><tr><th>Header</th><th>Value</th></tr></thead><tbody>");
        foreach (var header in rendered.Message.Headers)
        {
            page.Raw("<tr").Attribute("data-header", header.Field).Raw("><td><code>").Text(header.Field).Raw("</code></td><td><code>").Text(header.Value).Raw("</code></td></tr>");
        }

        page.Raw("</tbody></table><p class=\"muted\">Bcc recipients travel in the SES envelope only, never in these headers.</p></section>");
    }

    private static void Attachments(PageWriter page, RenderedPreview rendered, string self, PreviewState state)
    {
        page.Raw("<section id=\"panel-attachments\" data-panel=\"attachments\">");
        if (rendered.Attachments.Count + rendered.InlineImages.Count == 0)
        {
            page.Raw("<p>No attachments and no inline images.</p></section>");
            return;
        }

        page.Raw("<table><thead><tr><th>Kind</th><th>File</th><th>Type</th><th>Content-ID</th><th>Size</th></tr></thead><tbody>");
        var index = 0;
        foreach (var (kind, part) in rendered.InlineImages.Select(static p => ("inline", p)).Concat(rendered.Attachments.Select(static p => ("attachment", p))))
        {
            page.Raw("<tr").Attribute("data-part", kind).Raw("><td>").Text(kind).Raw("</td><td><a")
                .Attribute("href", self + "/parts/" + index.ToString(CultureInfo.InvariantCulture) + PreviewLinks.Query(("culture", state.Culture)))
                .Raw(">").Text(part.FileName).Raw("</a></td><td><code>").Text(part.ContentType).Raw("</code></td><td><code>").Text(part.ContentId)
                .Raw("</code></td><td>").Text($"{part.Content.Length:N0} bytes").Raw("</td></tr>");
            index++;
        }

        page.Raw("</tbody></table></section>");
    }

    private static void ReportSummary(PageWriter page, LintReport? report, string self, PreviewState state)
    {
        if (report is null)
        {
            return;
        }

        var errors = report.Findings.Count(static f => f.Severity == LintSeverity.Error);
        var warnings = report.Findings.Count(static f => f.Severity == LintSeverity.Warning);
        var infos = report.Findings.Count - errors - warnings;
        page.Raw("<div class=\"bar\"><a id=\"lint-summary\"").Attribute("href", self + state.Query(tab: "report"))
            .Attribute("data-errors", errors.ToString(CultureInfo.InvariantCulture)).Attribute("data-warnings", warnings.ToString(CultureInfo.InvariantCulture))
            .Attribute("class", errors > 0 ? "error" : warnings > 0 ? "warning" : null).Raw(">")
            .Text($"Compatibility: {errors} error(s), {warnings} warning(s), {infos} note(s) for {string.Join(", ", report.Clients.Take(6))}{(report.Clients.Count > 6 ? ", …" : string.Empty)}")
            .Raw("</a></div>");
    }

    private static void Report(PageWriter page, LintReport? report)
    {
        page.Raw("<section id=\"panel-report\" data-panel=\"report\">");
        if (report is null)
        {
            page.Raw("<p>No HTML part: nothing to check.</p></section>");
            return;
        }

        page.Raw("<p class=\"muted\" id=\"report-coverage\">")
            .Text($"Judged against {string.Join(", ", report.Clients)} on caniemail data of {report.DataDate}; SesMailer detects {report.MappedFeatureCount} of its {report.TotalFeatureCount} features.")
            .Raw("</p>");
        if (report.Findings.Count == 0)
        {
            page.Raw("<p id=\"report-clean\">No finding.</p></section>");
            return;
        }

        page.Raw("<table><thead><tr><th>Severity</th><th>Rule</th><th>Line</th><th>Finding</th><th>Clients</th></tr></thead><tbody>");
        foreach (var finding in report.Findings)
        {
            var severity = finding.Severity.ToString().ToLowerInvariant();
            page.Raw("<tr data-finding").Attribute("data-rule", finding.RuleId).Attribute("data-severity", severity).Raw("><td")
                .Attribute("class", finding.Severity == LintSeverity.Error ? "error" : finding.Severity == LintSeverity.Warning ? "warning" : "muted").Raw(">")
                .Text(severity).Raw("</td><td><code>").Text(finding.Feature ?? finding.RuleId).Raw("</code></td><td>")
                .Text(finding.Line?.ToString(CultureInfo.InvariantCulture)).Raw("</td><td>").Text(finding.Message);
            if (finding.Note is not null)
            {
                page.Raw("<br><span class=\"muted\">").Text(finding.Note).Raw("</span>");
            }

            if (finding.Url is not null && Uri.TryCreate(finding.Url, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps)
            {
                page.Raw(" <a rel=\"noreferrer noopener\"").Attribute("href", url.AbsoluteUri).Raw(">caniemail</a>");
            }

            page.Raw("</td><td>").Text(string.Join(", ", finding.Clients)).Raw("</td></tr>");
        }

        page.Raw("</tbody></table></section>");
    }

    private static void Raw(PageWriter page, RenderedPreview rendered)
    {
        var mime = Encoding.ASCII.GetString(rendered.Mime.Span[..Math.Min(rendered.Mime.Length, RawShown)]);
        page.Raw("<section id=\"panel-raw\" data-panel=\"raw\">");
        if (rendered.Mime.Length > RawShown)
        {
            page.Raw("<p class=\"muted\">").Text($"The first {RawShown:N0} of {rendered.Mime.Length:N0} bytes; download the .eml for all of it.").Raw("</p>");
        }

        page.Raw("<pre id=\"raw-mime\">").Text(mime).Raw("</pre></section>");
    }
}
