namespace SesMailer.Preview.Pages;

/// <summary>What the preview page shows, read from its query string; each value is one of a fixed set.</summary>
internal sealed record PreviewState(string Tab, string Width, string View, string? Culture)
{
    public static readonly string[] Tabs = ["html", "text", "headers", "attachments", "raw", "report"];
    public static readonly string[] Widths = ["desktop", "narrow"];
    public static readonly string[] Views = ["light", "dark", "inverted"];

    /// <summary>The state, or the name of the query parameter whose value is not one of its set.</summary>
    public static (PreviewState? State, string? Error) Read(Func<string, string?> query, IReadOnlyList<string> cultures)
    {
        var tab = query("tab") ?? "html";
        var width = query("width") ?? "desktop";
        var view = query("view") ?? "light";
        var culture = query("culture");
        if (!Tabs.Contains(tab))
        {
            return (null, $"tab: '{tab}' is not one of {string.Join(", ", Tabs)}");
        }

        if (!Widths.Contains(width))
        {
            return (null, $"width: '{width}' is not one of {string.Join(", ", Widths)}");
        }

        if (!Views.Contains(view))
        {
            return (null, $"view: '{view}' is not one of {string.Join(", ", Views)}");
        }

        if (!string.IsNullOrEmpty(culture) && !cultures.Contains(culture, StringComparer.Ordinal))
        {
            return (null, $"culture: '{culture}' is not a culture of this email's templates ({(cultures.Count == 0 ? "it has none" : string.Join(", ", cultures))})");
        }

        return (new PreviewState(tab, width, view, string.IsNullOrEmpty(culture) ? null : culture), null);
    }

    public string Query(string? tab = null, string? width = null, string? view = null, string? culture = null, bool neutral = false) => PreviewLinks.Query(
        ("tab", tab ?? Tab),
        ("width", width ?? Width),
        ("view", view ?? View),
        ("culture", neutral ? null : culture ?? Culture));
}
