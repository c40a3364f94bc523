namespace SesMailer.Preview.Pages;

/// <summary>The URLs of the pages, relative to the mapped prefix; names are escaped, never paths of files.</summary>
internal sealed class PreviewLinks(string prefix)
{
    public string Prefix { get; } = prefix.TrimEnd('/');

    public string Index => Prefix + "/";

    public string Preview(string email, string preview) => $"{Prefix}/{Uri.EscapeDataString(email)}/{Uri.EscapeDataString(preview)}";

    public static string Query(params (string Name, string? Value)[] values)
    {
        var parts = values.Where(static v => !string.IsNullOrEmpty(v.Value)).Select(static v => v.Name + "=" + Uri.EscapeDataString(v.Value!)).ToList();
        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }
}
