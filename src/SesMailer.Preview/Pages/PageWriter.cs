using System.Net;
using System.Text;

namespace SesMailer.Preview.Pages;

/// <summary>
/// Builds the preview pages as HTML text: every value goes through <see cref="Text"/> (HTML-encoded) and every URL
/// through <see cref="Attribute"/>. The pages have no script; their one style block carries the response's CSP nonce.
/// </summary>
internal sealed class PageWriter
{
    private readonly StringBuilder _html = new();

    public PageWriter(string title, string nonce)
    {
        _html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Encode(title)).Append(" · SesMailer previews</title>")
            .Append("<style nonce=\"").Append(nonce).Append("\">").Append(Styles).Append("</style></head><body>\n");
    }

    public static string Encode(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);

    /// <summary>Appends markup written by this library (never a value).</summary>
    public PageWriter Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    /// <summary>Appends <paramref name="value"/>, HTML-encoded.</summary>
    public PageWriter Text(string? value)
    {
        _html.Append(Encode(value));
        return this;
    }

    /// <summary>Appends <c> name="value"</c>, the value encoded.</summary>
    public PageWriter Attribute(string name, string? value)
    {
        _html.Append(' ').Append(name).Append("=\"").Append(Encode(value)).Append('"');
        return this;
    }

    public override string ToString() => _html.ToString() + "\n</body></html>\n";

    private const string Styles = """
        :root { color-scheme: light; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; background: #f6f8fa; }
        body { margin: 0; padding: 24px 32px; }
        h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 24px 0 8px; }
        a { color: #0b5cad; } code, pre { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; }
        pre { background: #fff; border: 1px solid #d0d7de; border-radius: 6px; padding: 12px; overflow: auto; white-space: pre-wrap; word-break: break-word; }
        table { border-collapse: collapse; background: #fff; width: 100%; } th, td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid #d0d7de; }
        th { font-weight: 600; background: #eef1f4; }
        .muted { color: #57606a; } .warning { color: #9a6700; } .error { color: #b42318; }
        .crumbs { margin-bottom: 12px; } .subject { font-size: 16px; margin: 4px 0 12px; }
        .bar { display: flex; flex-wrap: wrap; gap: 6px 18px; align-items: center; margin: 10px 0; }
        .switch { display: inline-flex; border: 1px solid #d0d7de; border-radius: 6px; overflow: hidden; background: #fff; }
        .switch a { padding: 4px 10px; text-decoration: none; color: #1f2328; border-right: 1px solid #d0d7de; }
        .switch a:last-child { border-right: 0; } .switch a[aria-current="true"] { background: #0b5cad; color: #fff; }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; background: #ddf4ff; font-size: 13px; }
        .badge.hot-reload { background: #dafbe1; }
        .meter { width: 220px; height: 8px; background: #eaeef2; border-radius: 4px; display: inline-block; vertical-align: middle; overflow: hidden; }
        .meter span { display: block; height: 100%; background: #1f883d; } .meter.over span { background: #b42318; }
        .w0 { width: 0 } .w1 { width: 1% } .w5 { width: 5% } .w10 { width: 10% } .w25 { width: 25% } .w50 { width: 50% } .w75 { width: 75% } .w90 { width: 90% } .w100 { width: 100% }
        .frame-box { background: #fff; border: 1px solid #d0d7de; border-radius: 6px; padding: 12px; }
        .frame-box iframe { display: block; border: 1px solid #d0d7de; height: 75vh; margin: 0 auto; background: #fff; }
        .frame-box[data-width="desktop"] iframe { width: 100%; max-width: 1024px; }
        .frame-box[data-width="narrow"] iframe { width: 375px; }
        .frame-box[data-view="dark"] { background: #0d1117; } .frame-box[data-view="dark"] iframe { color-scheme: dark; background: #0d1117; }
        .frame-box[data-view="inverted"] iframe { filter: invert(1) hue-rotate(180deg); }
        .hint pre { margin: 6px 0 0; }
        """;
}
