using System.Text.Json.Serialization;

namespace SesMailer.Compatibility.Data;

/// <summary>System.Text.Json source generation for the snapshot: no reflection, so the library stays trimmable and AOT-safe.</summary>
[JsonSerializable(typeof(CanIEmailDocument))]
internal sealed partial class CanIEmailJsonContext : JsonSerializerContext;
