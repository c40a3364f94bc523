using System.Globalization;
using System.Text;

namespace SesMailer.Rendering;

/// <summary>
/// The value of the attribute being written, kept until its end so that it is checked as a whole: its HTML as it will
/// be written, and which parts of it came from code (a model value split across two expressions, or completing a
/// character reference of the template's text, is still seen).
/// </summary>
internal sealed class AttributeValue
{
    private readonly StringBuilder _html = new();
    private readonly List<CodeSpan> _code = [];

    public AttributeValue() => Writer = new StringWriter(_html, CultureInfo.InvariantCulture);

    /// <summary>Where the parts of the value are written.</summary>
    public TextWriter Writer { get; }

    public string Html => _html.ToString();

    /// <summary>Whether any part came from code.</summary>
    public bool HasCode => _code.Count > 0;

    /// <summary>Marks what was written since <paramref name="start"/> (a length of <see cref="Html"/>) as a value from code.</summary>
    /// <param name="start">Where the value starts.</param>
    /// <param name="isTrustedUrl">Whether it is a <see cref="TrustedUrl"/>, which the URL check lets through.</param>
    public void MarkCode(int start, bool isTrustedUrl)
    {
        if (_html.Length > start)
        {
            _code.Add(new CodeSpan(start, _html.Length, isTrustedUrl));
        }
    }

    public int Length => _html.Length;

    public void Clear()
    {
        _html.Clear();
        _code.Clear();
    }

    /// <summary>The value as the browser reads it: character references decoded, each character with whether code wrote (part of) it.</summary>
    /// <param name="forUrl">Whether a <see cref="TrustedUrl"/> counts as the template's own text.</param>
    public IEnumerable<(char Character, bool FromCode)> Decoded(bool forUrl)
    {
        var html = _html.ToString();
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

    private bool IsCode(int start, int end, bool forUrl)
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
