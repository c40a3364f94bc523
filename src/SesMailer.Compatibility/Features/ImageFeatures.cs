using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace SesMailer.Compatibility.Features;

/// <summary>The caniemail image-format features of a document's <c>&lt;img&gt;</c> sources, by data: media type or file extension.</summary>
internal static class ImageFeatures
{
    public static IReadOnlyDictionary<string, string> ByExtension { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["apng"] = "image-apng",
        ["avif"] = "image-avif",
        ["bmp"] = "image-bmp",
        ["gif"] = "image-gif",
        ["hdr"] = "image-hdr",
        ["heic"] = "image-heif",
        ["heif"] = "image-heif",
        ["ico"] = "image-ico",
        ["jpeg"] = "image-jpg",
        ["jpg"] = "image-jpg",
        ["mp4"] = "image-mp4",
        ["png"] = "image-png",
        ["svg"] = "image-svg",
        ["tif"] = "image-tiff",
        ["tiff"] = "image-tiff",
        ["webp"] = "image-webp",
    };

    /// <summary>data: media types → the extension that names the same format.</summary>
    private static readonly Dictionary<string, string> MediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/apng"] = "apng",
        ["image/avif"] = "avif",
        ["image/bmp"] = "bmp",
        ["image/gif"] = "gif",
        ["image/heic"] = "heic",
        ["image/heif"] = "heif",
        ["image/vnd.microsoft.icon"] = "ico",
        ["image/x-icon"] = "ico",
        ["image/jpeg"] = "jpg",
        ["image/png"] = "png",
        ["image/svg+xml"] = "svg",
        ["image/tiff"] = "tiff",
        ["image/webp"] = "webp",
        ["video/mp4"] = "mp4",
    };

    public static IReadOnlyList<string> Special { get; } = ["image-base64"];

    public static void Find(IHtmlDocument document, FeatureHits hits)
    {
        foreach (var image in document.QuerySelectorAll("img[src]"))
        {
            var line = Lines.Of(image);
            var source = image.GetAttribute("src")!.Trim();
            string? extension;
            if (source.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                var end = source.IndexOfAny([';', ',']);
                var mediaType = end > 5 ? source[5..end] : string.Empty;
                if (source.Contains(";base64,", StringComparison.OrdinalIgnoreCase))
                {
                    hits.Add("image-base64", line);
                }

                extension = MediaTypes.GetValueOrDefault(mediaType);
            }
            else
            {
                extension = Extension(source);
            }

            if (extension is not null && ByExtension.TryGetValue(extension, out var slug))
            {
                hits.Add(slug, line);
            }
        }
    }

    /// <summary>The lower-case extension of a URL's path (without query or fragment), or null.</summary>
    private static string? Extension(string url)
    {
        var end = url.IndexOfAny(['?', '#']);
        var path = end < 0 ? url : url[..end];
        var slash = path.LastIndexOf('/');
        var dot = path.LastIndexOf('.');
        return dot > slash && dot < path.Length - 1 ? path[(dot + 1)..].ToLowerInvariant() : null;
    }
}
