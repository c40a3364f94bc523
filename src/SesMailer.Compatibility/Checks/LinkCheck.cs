using AngleSharp.Html.Dom;
using SesMailer.Compatibility.Features;
using SesMailer.MarkupRules;

namespace SesMailer.Compatibility.Checks;

/// <summary>Links (<c>href</c> of <c>&lt;a&gt;</c> and <c>&lt;area&gt;</c>) with an unsafe scheme, no scheme, or plain <c>http:</c>.</summary>
internal static class LinkCheck
{
    public static void Run(IHtmlDocument document, List<LintFinding> findings)
    {
        foreach (var link in document.QuerySelectorAll("a[href], area[href]"))
        {
            var href = link.GetAttribute("href")!;
            var line = Lines.Of(link);
            var shown = Shorten(href);
            switch (LinkSchemes.Classify(href))
            {
                case LinkKind.Unsafe when href.Trim().StartsWith(LinkSchemes.NeutralisedUrl, StringComparison.OrdinalIgnoreCase):
                    findings.Add(Finding.Own(LintRules.UnsafeLink, $"A link goes to {LinkSchemes.NeutralisedUrl}: SesMailer refused the URL the template was given (its scheme was not http, https, mailto, tel or cid); pass a safe URL, or Html.TrustedUrl(...) for one you vouch for.", line));
                    break;
                case LinkKind.Unsafe:
                    findings.Add(Finding.Own(LintRules.UnsafeLink, $"The link '{shown}' has the unsafe scheme '{LinkSchemes.Scheme(href.Trim())}:'; link to an https: page instead.", line));
                    break;
                case LinkKind.NoScheme:
                    findings.Add(Finding.Own(LintRules.LinkWithoutScheme, href.Trim().Length == 0
                        ? "A link has an empty href; give it an absolute https: URL."
                        : $"The link '{shown}' has no scheme, so it goes nowhere from a mail client; write an absolute URL (https://…).", line));
                    break;
                case LinkKind.Http:
                    findings.Add(Finding.Own(LintRules.HttpLink, $"The link '{shown}' uses plain http:; use https:.", line));
                    break;
            }
        }
    }

    private static string Shorten(string url)
    {
        var trimmed = url.Trim();
        return trimmed.Length <= 80 ? trimmed : trimmed[..77] + "...";
    }
}
