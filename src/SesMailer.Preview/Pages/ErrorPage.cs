using System.Globalization;
using SesMailer.Preview.Rendering;

namespace SesMailer.Preview.Pages;

/// <summary>A preview that failed: what failed, and each template line to blame, never a blank page.</summary>
internal static class ErrorPage
{
    public static string Render(EmailPreviewException error, PreviewLinks links, string nonce)
    {
        var page = new PageWriter($"{error.EmailName} · {error.PreviewName}: error", nonce);
        page.Raw("<main id=\"render-error\"").Attribute("data-email", error.EmailName).Attribute("data-preview", error.PreviewName).Raw(">");
        page.Raw("<div class=\"crumbs\"><a id=\"back-to-index\"").Attribute("href", links.Index).Raw(">All emails</a></div>");
        page.Raw("<h1 class=\"error\">").Text($"{error.EmailName} · {error.PreviewName} could not be rendered").Raw("</h1>");
        page.Raw("<p id=\"error-message\">").Text(error.Message).Raw("</p>");
        if (error.Locations.Count > 0)
        {
            page.Raw("<table id=\"error-locations\"><thead><tr><th>Template</th><th>Line</th><th>Column</th><th>Message</th></tr></thead><tbody>");
            foreach (var location in error.Locations)
            {
                page.Raw("<tr data-error-location").Attribute("data-template", location.Path).Attribute("data-line", location.Line.ToString(CultureInfo.InvariantCulture)).Raw("><td><code>")
                    .Text(location.Path).Raw("</code></td><td>").Text(location.Line > 0 ? location.Line.ToString(CultureInfo.InvariantCulture) : "")
                    .Raw("</td><td>").Text(location.Column > 0 ? location.Column.ToString(CultureInfo.InvariantCulture) : "")
                    .Raw("</td><td>").Text((location.Id is null ? string.Empty : location.Id + ": ") + location.Message).Raw("</td></tr>");
            }

            page.Raw("</tbody></table>");
        }

        page.Raw("<p class=\"muted\">Fix the template or the preview and refresh.</p></main>");
        return page.ToString();
    }

    public static string Message(string title, string message, PreviewLinks links, string nonce)
    {
        var page = new PageWriter(title, nonce);
        page.Raw("<main id=\"preview-message\"><div class=\"crumbs\"><a id=\"back-to-index\"").Attribute("href", links.Index).Raw(">All emails</a></div><h1>")
            .Text(title).Raw("</h1><p>").Text(message).Raw("</p></main>");
        return page.ToString();
    }
}
