using System.Text;
using global::RazorLight.Razor;

namespace SesMailer.RazorLight.Projects;

/// <summary>A template held as text (in memory, from a database, or generated imports).</summary>
internal sealed class TextProjectItem : RazorLightProjectItem
{
    private readonly string? _content;

    public TextProjectItem(string key, string? content)
    {
        Key = key;
        _content = content;
    }

    public override string Key { get; }

    public override bool Exists => _content is not null;

    public override Stream Read() => new MemoryStream(Encoding.UTF8.GetBytes(_content ?? string.Empty), writable: false);
}

/// <summary>Another project's item under the key SesMailer uses for it (the key is the path errors report).</summary>
internal sealed class KeyedProjectItem : RazorLightProjectItem
{
    private readonly RazorLightProjectItem _inner;

    public KeyedProjectItem(string key, RazorLightProjectItem inner)
    {
        Key = key;
        _inner = inner;
        ExpirationToken = inner.ExpirationToken;
    }

    public override string Key { get; }

    public override bool Exists => _inner.Exists;

    public override Stream Read() => _inner.Read();
}
