using System.Text.Json;
using System.Text.Json.Serialization;

namespace SesMailer.Compatibility.Data;

/// <summary>
/// The tested versions of one client for one feature, in the order the data lists them, which is the order they
/// were tested (<c>"2019-10"</c> before <c>"16.80"</c> for Outlook on macOS): the last one is the latest. Kept as a
/// list because a dictionary does not promise to keep the order of its keys.
/// </summary>
[JsonConverter(typeof(VersionHistoryConverter))]
internal sealed class VersionHistory
{
    public VersionHistory(IReadOnlyList<KeyValuePair<string, string>> versions) => Versions = versions;

    /// <summary>Version → support value (<c>y</c>, <c>n</c>, <c>a #1 #2</c>, <c>u</c>), oldest first.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Versions { get; }

    /// <summary>The latest version that was tested (its value is not <c>u</c>, "unknown"), or null when none was.</summary>
    public KeyValuePair<string, string>? LatestTested()
    {
        for (var i = Versions.Count - 1; i >= 0; i--)
        {
            var value = Versions[i].Value;
            if (!value.StartsWith('u'))
            {
                return Versions[i];
            }
        }

        return null;
    }
}

/// <summary>Reads a JSON object of version → value into a <see cref="VersionHistory"/>, keeping the order of the text.</summary>
internal sealed class VersionHistoryConverter : JsonConverter<VersionHistory>
{
    public override VersionHistory Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("caniemail stats: expected an object of version → support value.");
        }

        var versions = new List<KeyValuePair<string, string>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var version = reader.GetString() ?? string.Empty;
            reader.Read();
            versions.Add(new(version, reader.GetString() ?? "u"));
        }

        return new VersionHistory(versions);
    }

    public override void Write(Utf8JsonWriter writer, VersionHistory value, JsonSerializerOptions options) =>
        throw new NotSupportedException("The caniemail snapshot is only read.");
}
