using System.Buffers;

namespace SesMailer.Rendering;

/// <summary>
/// The value of the attribute being written, kept until its end so that it is checked as a whole: its HTML as it will
/// be written, and which parts of it came from code (a model value split across two expressions, or completing a
/// character reference of the template's text, is still seen).
/// </summary>
internal sealed class AttributeValue
{
    private readonly List<CodeSpan> _code = [];
    private RenderBuffer? _html;

    /// <summary>Where the parts of the value are written: a render buffer, taken from the cache for the attribute and given back by <see cref="Clear"/>.</summary>
    public RenderBuffer Writer => _html ??= RenderBuffer.Rent();

    public string Html => _html?.ToString() ?? string.Empty;

    /// <summary>The value's HTML as written so far.</summary>
    public ReadOnlySpan<char> Span => _html is null ? default : _html.Written;

    /// <summary>Whether any part came from code.</summary>
    public bool HasCode => _code.Count > 0;

    /// <summary>Marks what was written since <paramref name="start"/> (a length of <see cref="Html"/>) as a value from code.</summary>
    /// <param name="start">Where the value starts.</param>
    /// <param name="isTrustedUrl">Whether it is a <see cref="TrustedUrl"/>, which the URL check lets through.</param>
    public void MarkCode(int start, bool isTrustedUrl)
    {
        if (Length > start)
        {
            _code.Add(new CodeSpan(start, Length, isTrustedUrl));
        }
    }

    public int Length => _html?.Length ?? 0;

    public void Clear()
    {
        if (_html is not null)
        {
            RenderBuffer.Return(_html);
            _html = null;
        }

        _code.Clear();
    }

    /// <summary>The value as the browser reads it: character references decoded, each character with whether code wrote (part of) it.</summary>
    /// <param name="forUrl">Whether a <see cref="TrustedUrl"/> counts as the template's own text.</param>
    public IEnumerable<(char Character, bool FromCode)> Decoded(bool forUrl)
    {
        var html = Html;
        var position = 0;
        while (position < html.Length)
        {
            var start = position;
            var text = html[position] == '&' ? CharacterReferences.Decode(html, position, out position) : null;
            if (text is null)
            {
                position = start + 1;
                yield return (html[start], IsCode(start, position, forUrl));
                continue;
            }

            var fromCode = IsCode(start, position, forUrl);
            foreach (var character in text)
            {
                yield return (character, fromCode);
            }
        }
    }

    /// <summary>Whether any character that code wrote is one of <paramref name="characters"/> (as written, not decoded).</summary>
    public bool CodeContainsAny(SearchValues<char> characters)
    {
        var html = Span;
        foreach (var span in _code)
        {
            if (html[span.Start..span.End].IndexOfAny(characters) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether code wrote any of the characters from <paramref name="start"/> to <paramref name="end"/> (a <see cref="TrustedUrl"/> does not count when <paramref name="forUrl"/>).</summary>
    public bool IsCode(int start, int end, bool forUrl)
    {
        foreach (var span in _code)
        {
            if (span.Start < end && start < span.End && !(forUrl && span.IsTrustedUrl))
            {
                return true;
            }
        }

        return false;
    }

    private readonly record struct CodeSpan(int Start, int End, bool IsTrustedUrl);
}
