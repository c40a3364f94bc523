using SesMailer.Rendering;

namespace SesMailer.Preview.Pages;

/// <summary>The index: every registered email, its previews and cultures, and how to add a preview to one that has none.</summary>
internal static class IndexPage
{
    public static string Render(IReadOnlyList<EmailDescriptor> emails, PreviewLinks links, string nonce)
    {
        var page = new PageWriter("Emails", nonce);
        page.Raw("<main id=\"email-index\"><h1>Emails</h1><p class=\"muted\">")
            .Text($"{emails.Count} email(s), {emails.Sum(static e => e.Previews.Count)} preview(s). Previews are [EmailPreview] members of the project.")
            .Raw("</p>");
        if (emails.Count == 0)
        {
            page.Raw("<p id=\"no-emails\">No email is registered: declare an [Email] type with its template, and reference the assembly that declares it.</p></main>");
            return page.ToString();
        }

        page.Raw("<table><thead><tr><th>Email</th><th>Subject</th><th>Templates</th><th>Previews</th></tr></thead><tbody>");
        foreach (var email in emails)
        {
            page.Raw("<tr").Attribute("data-email", email.Name).Attribute("data-preview-count", email.Previews.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)).Raw(">");
            page.Raw("<td><strong>").Text(email.Name).Raw("</strong><br><code class=\"muted\">").Text(email.ModelType.FullName).Raw("</code></td>");
            page.Raw("<td>").Text(email.SubjectTemplate).Raw("</td><td><code>").Text(email.HtmlTemplatePath).Raw("</code>");
            if (email.TextTemplatePath is not null)
            {
                page.Raw("<br><code>").Text(email.TextTemplatePath).Raw("</code>");
            }

            if (email.Cultures.Count > 0)
            {
                page.Raw("<br><span class=\"muted\">localized: ").Text(string.Join(", ", email.Cultures)).Raw("</span>");
            }

            page.Raw("</td><td>");
            if (email.Previews.Count == 0)
            {
                page.Raw("<div class=\"hint\" data-hint=\"add-preview\">No preview yet. Add one anywhere in the project:<pre>")
                    .Text($"[EmailPreview(\"Default\")]\npublic static {email.ModelType.Name} Default() => new(…);")
                    .Raw("</pre></div>");
            }
            else
            {
                page.Raw("<ul>");
                foreach (var preview in email.Previews)
                {
                    var href = links.Preview(email.Name, preview.Name);
                    page.Raw("<li").Attribute("data-preview", preview.Name).Raw("><a").Attribute("href", href).Raw(">").Text(preview.Name).Raw("</a>");
                    foreach (var culture in email.Cultures)
                    {
                        page.Raw(" <a class=\"badge\"").Attribute("data-culture", culture).Attribute("href", href + PreviewLinks.Query(("culture", culture))).Raw(">").Text(culture).Raw("</a>");
                    }

                    page.Raw("</li>");
                }

                page.Raw("</ul>");
            }

            page.Raw("</td></tr>");
        }

        page.Raw("</tbody></table></main>");
        return page.ToString();
    }
}
