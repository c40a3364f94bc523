using SesMailer.Compatibility.Data;

namespace SesMailer.Compatibility.Clients;

/// <summary>A caniemail client: a family and one of its platforms (<c>outlook</c>, <c>windows</c>).</summary>
internal sealed record Client(string Family, string Platform)
{
    public override string ToString() => Family + "." + Platform;
}

/// <summary>Turns <see cref="LintOptions.Clients"/> into clients the data knows, or says which name it does not know.</summary>
internal static class ClientSelection
{
    public static IReadOnlyList<Client> Resolve(IList<string> names, CanIEmailDocument data)
    {
        // Every family.platform the data tests anywhere, in the order of first appearance.
        var known = new List<Client>();
        var seen = new HashSet<Client>();
        foreach (var feature in data.Data)
        {
            foreach (var (family, platforms) in feature.Stats)
            {
                foreach (var platform in platforms.Keys)
                {
                    var client = new Client(family, platform);
                    if (seen.Add(client))
                    {
                        known.Add(client);
                    }
                }
            }
        }

        if (names.Count == 0)
        {
            throw new ArgumentException("LintOptions.Clients: name at least one mail client (family.platform, as caniemail names them, such as outlook.windows or gmail.*).", nameof(names));
        }

        var chosen = new List<Client>();
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i]?.Trim() ?? string.Empty;
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            var family = dot > 0 ? name[..dot] : string.Empty;
            var platform = dot > 0 ? name[(dot + 1)..] : string.Empty;
            var matches = known.Where(c => string.Equals(c.Family, family, StringComparison.OrdinalIgnoreCase)
                && (platform == "*" || string.Equals(c.Platform, platform, StringComparison.OrdinalIgnoreCase))).ToList();
            if (matches.Count == 0)
            {
                throw new ArgumentException(
                    $"LintOptions.Clients[{i}]: '{names[i]}' is not a caniemail client; write family.platform or family.* with one of: {string.Join(", ", known.Select(static c => c.ToString()).Order(StringComparer.Ordinal))}.",
                    nameof(names));
            }

            foreach (var match in matches.Where(m => !chosen.Contains(m)))
            {
                chosen.Add(match);
            }
        }

        return chosen;
    }
}
