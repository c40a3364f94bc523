using System.Text.RegularExpressions;
using SesMailer.Preview.Rendering;

namespace SesMailer.Preview.Pages;

/// <summary>
/// The email's HTML as the iframe shows it: inline images (<c>cid:</c>) become <c>data:</c> URLs (the sandboxed frame
/// cannot reach the message's parts), and in the dark view the email's <c>prefers-color-scheme</c> media queries are
/// evaluated as a dark-mode client would. The .eml is never changed.
/// </summary>
internal static partial class FrameDocument
{
    public static string Create(RenderedPreview rendered, bool dark)
    {
        var html = rendered.Html ?? string.Empty;
        foreach (var image in rendered.InlineImages)
        {
            if (image.ContentId is { Length: > 0 } id)
            {
                var data = $"data:{image.ContentType};base64,{Convert.ToBase64String(image.Content.Span)}";
                html = html.Replace("cid:" + id, data, StringComparison.OrdinalIgnoreCase);
            }
        }

        if (dark)
        {
            // (prefers-color-scheme: dark) always holds and (prefers-color-scheme: light) never does: the email's own dark
            // styles apply whatever the viewer's system setting, inside <style> blocks and media attributes alike.
            html = DarkQuery().Replace(html, "(min-width: 0px)");
            html = LightQuery().Replace(html, "(max-width: -1px)");
        }

        return html;
    }

    [GeneratedRegex(@"\(\s*prefers-color-scheme\s*:\s*dark\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex DarkQuery();

    [GeneratedRegex(@"\(\s*prefers-color-scheme\s*:\s*light\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex LightQuery();
}
