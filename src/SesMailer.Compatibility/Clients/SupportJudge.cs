using System.Globalization;
using SesMailer.Compatibility.Data;

namespace SesMailer.Compatibility.Clients;

/// <summary>How the chosen clients support one feature: who does not, who does in part, and caniemail's notes for them.</summary>
internal sealed record FeatureSupport(IReadOnlyList<Client> Unsupported, IReadOnlyList<Client> Partial, string? Note);

/// <summary>
/// Judges each client on its latest tested version of a feature (the last version in the data whose value is not
/// <c>u</c>, untested). <c>n</c> is unsupported, <c>a</c> partial, <c>y</c> supported; <c>#N</c> refers to the feature's
/// numbered notes. A client the data never tested for the feature is not judged.
/// </summary>
internal static class SupportJudge
{
    public static FeatureSupport Judge(CanIEmailFeature feature, IReadOnlyList<Client> clients)
    {
        var unsupported = new List<Client>();
        var partial = new List<Client>();
        // Note number → the clients it is cited for, in the order met.
        var notes = new SortedDictionary<int, List<Client>>();
        foreach (var client in clients)
        {
            if (!feature.Stats.TryGetValue(client.Family, out var platforms)
                || !platforms.TryGetValue(client.Platform, out var history)
                || history.LatestTested() is not { } latest)
            {
                continue;
            }

            var parts = latest.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var support = parts.Length > 0 ? parts[0] : "u";
            if (support == "n")
            {
                unsupported.Add(client);
            }
            else if (support == "a")
            {
                partial.Add(client);
            }
            else
            {
                continue;
            }

            foreach (var part in parts.Skip(1))
            {
                if (part.StartsWith('#') && int.TryParse(part.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    if (!notes.TryGetValue(number, out var cited))
                    {
                        notes[number] = cited = [];
                    }

                    cited.Add(client);
                }
            }
        }

        return new FeatureSupport(unsupported, partial, Note(feature, notes));
    }

    private static string? Note(CanIEmailFeature feature, SortedDictionary<int, List<Client>> cited)
    {
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(feature.Notes))
        {
            lines.Add(feature.Notes.Trim());
        }

        foreach (var (number, clients) in cited)
        {
            if (feature.NotesByNumber is not null && feature.NotesByNumber.TryGetValue(number.ToString(CultureInfo.InvariantCulture), out var text))
            {
                lines.Add($"{string.Join(", ", clients)}: {text.Trim()}");
            }
        }

        return lines.Count == 0 ? null : string.Join("\n", lines);
    }
}
