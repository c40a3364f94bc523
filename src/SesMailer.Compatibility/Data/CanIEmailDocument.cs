using System.Text.Json.Serialization;

namespace SesMailer.Compatibility.Data;

/// <summary>The root of <c>caniemail.json</c>: when it was last updated, and one entry per feature.</summary>
internal sealed class CanIEmailDocument
{
    [JsonPropertyName("api_version")]
    public string? ApiVersion { get; set; }

    /// <summary>As written in the data: <c>2026-05-13 14:45:41 +0000</c>.</summary>
    [JsonPropertyName("last_update_date")]
    public string? LastUpdateDate { get; set; }

    [JsonPropertyName("data")]
    public List<CanIEmailFeature> Data { get; set; } = [];
}

/// <summary>
/// One caniemail feature. <see cref="Stats"/> is family → platform → the tested versions, oldest first, each with a
/// support value such as <c>y</c>, <c>n</c>, <c>a #1</c> (partial, note 1) or <c>u</c> (untested).
/// </summary>
internal sealed class CanIEmailFeature
{
    [JsonPropertyName("slug")]
    public string Slug { get; set; } = string.Empty;

    [JsonPropertyName("title")]
    public string Title { get; set; } = string.Empty;

    [JsonPropertyName("url")]
    public string? Url { get; set; }

    [JsonPropertyName("category")]
    public string Category { get; set; } = string.Empty;

    [JsonPropertyName("stats")]
    public Dictionary<string, Dictionary<string, VersionHistory>> Stats { get; set; } = [];

    /// <summary>A note about the feature as a whole (not numbered), or null.</summary>
    [JsonPropertyName("notes")]
    public string? Notes { get; set; }

    [JsonPropertyName("notes_by_num")]
    public Dictionary<string, string>? NotesByNumber { get; set; }
}
