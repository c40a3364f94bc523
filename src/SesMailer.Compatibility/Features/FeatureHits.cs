namespace SesMailer.Compatibility.Features;

/// <summary>The caniemail features found in one email, each with the line where it first occurs (when known).</summary>
internal sealed class FeatureHits
{
    private readonly Dictionary<string, int?> _lines = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public IReadOnlyList<string> Slugs => _order;

    public int? LineOf(string slug) => _lines.GetValueOrDefault(slug);

    public bool Contains(string slug) => _lines.ContainsKey(slug);

    public void Add(string slug, int? line)
    {
        if (_lines.TryGetValue(slug, out var known))
        {
            if (known is null && line is not null)
            {
                _lines[slug] = line;
            }

            return;
        }

        _lines[slug] = line;
        _order.Add(slug);
    }
}
