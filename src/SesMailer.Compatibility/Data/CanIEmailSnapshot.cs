using System.Text.Json;

namespace SesMailer.Compatibility.Data;

/// <summary>The vendored caniemail data (Data/README.md), read once from the assembly's resources on first use.</summary>
internal static class CanIEmailSnapshot
{
    private const string ResourceName = "SesMailer.Compatibility.caniemail.json";

    private static readonly Lazy<CanIEmailDocument> Loaded = new(Load);

    public static CanIEmailDocument Document => Loaded.Value;

    /// <summary>The date of the data's last update (<c>2026-05-13</c>), from its <c>last_update_date</c>.</summary>
    public static string DataDate
    {
        get
        {
            var stamp = Document.LastUpdateDate ?? string.Empty;
            return stamp.Length >= 10 ? stamp[..10] : stamp;
        }
    }

    private static CanIEmailDocument Load()
    {
        using var stream = typeof(CanIEmailSnapshot).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The caniemail snapshot '{ResourceName}' is missing from {typeof(CanIEmailSnapshot).Assembly.GetName().Name}: the package is damaged.");
        return JsonSerializer.Deserialize(stream, CanIEmailJsonContext.Default.CanIEmailDocument)
            ?? throw new InvalidOperationException($"The caniemail snapshot '{ResourceName}' is empty.");
    }
}
