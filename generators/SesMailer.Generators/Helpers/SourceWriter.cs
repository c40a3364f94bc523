using System;
using System.Text;

namespace SesMailer.Generators.Helpers;

/// <summary>Writes indented C# text with LF line endings (generated sources are deterministic).</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes text exactly as given (for Razor's output, which carries its own layout and #line directives).</summary>
    public SourceWriter Raw(string text)
    {
        _builder.Append(text.Replace("\r\n", "\n"));
        if (text.Length > 0 && text[text.Length - 1] != '\n')
        {
            _builder.Append('\n');
        }

        return this;
    }

    public SourceWriter OpenBrace()
    {
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter CloseBrace(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
        return this;
    }

    /// <summary>Indents the lines that follow one level more, without a brace (for code placed inside a block written raw).</summary>
    public SourceWriter Indent()
    {
        _indent++;
        return this;
    }

    public SourceWriter Outdent()
    {
        _indent--;
        return this;
    }

    public override string ToString() => _builder.ToString();

    /// <summary>A C# string literal for <paramref name="value"/> (regular, escaped).</summary>
    public static string Literal(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\0': sb.Append("\\0"); break;
                default:
                    if (char.IsControl(c))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
        return sb.ToString();
    }

    /// <summary>An identifier made from any text: letters and digits kept, anything else becomes <c>_</c>.</summary>
    public static string Identifier(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(char.IsLetterOrDigit(c) ? c : '_');
        }

        if (sb.Length == 0 || char.IsDigit(sb[0]))
        {
            sb.Insert(0, '_');
        }

        return sb.ToString();
    }
}
