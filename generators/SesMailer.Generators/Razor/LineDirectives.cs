using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SesMailer.Generators.Razor;

/// <summary>
/// Sharpens Razor's <c>#line N "file"</c> directives into C# 10 span directives
/// (<c>#line (line,col)-(line,col) offset "file"</c>) where an expression was moved. Razor aligns a mapped
/// expression by padding it with spaces, which cannot move it left: in <c>Write(Model.X)</c> an expression near the
/// start of a template line lands six columns late, so an error there would point at the wrong column; and it maps
/// <c>@using X</c> to <c>using X;</c> at column 0, one column before the namespace in the template.
/// Razor.Language computes no source mappings at run-time code generation, so the expression is found again
/// in its template line; when it cannot be found exactly once the directive is left as Razor wrote it.
/// The offset in a span directive is the number of characters before the mapped text on the next line
/// (measured: an offset one larger shifts every reported column one to the left).
/// </summary>
internal static class LineDirectives
{
    private static readonly Regex LineDirective = new(@"^#line (?<line>\d+) (?<file>"".*"")\r?$", RegexOptions.CultureInvariant);
    private static readonly Regex WriteCall = new(@"^(?<lead>\s*Write\()(?<expr>.+)\);\r?$", RegexOptions.CultureInvariant);
    private static readonly Regex UsingDirective = new(@"^(?<lead>using )(?<expr>[^;]+);\r?$", RegexOptions.CultureInvariant);
    private static readonly Regex AttributeValueCall = new(@"^(?<lead>\s*WriteAttributeValue\(""[^""]*"", \d+, )(?<expr>.+), \d+, \d+, (?:true|false)\);\r?$", RegexOptions.CultureInvariant);

    /// <param name="code">Razor's C#.</param>
    /// <param name="files">The text of each file the directives may name (the template and its imports), by path.</param>
    public static string Rewrite(string code, IReadOnlyDictionary<string, string> files)
    {
        var fileLines = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var lines = code.Split('\n');
        for (var i = 0; i < lines.Length - 1; i++)
        {
            // Most lines are not directives: a prefix check spares them the regex.
            if (!lines[i].StartsWith("#line ", StringComparison.Ordinal))
            {
                continue;
            }

            var directive = LineDirective.Match(lines[i]);
            if (!directive.Success)
            {
                continue;
            }

            var next = lines[i + 1];
            var call = WriteCall.Match(next);
            if (!call.Success)
            {
                call = AttributeValueCall.Match(next);
            }

            if (!call.Success)
            {
                call = UsingDirective.Match(next);
            }

            var lineNumber = int.Parse(directive.Groups["line"].Value, CultureInfo.InvariantCulture);
            var quoted = directive.Groups["file"].Value;
            var path = quoted.Substring(1, quoted.Length - 2);
            if (!call.Success || !files.TryGetValue(path, out var text))
            {
                continue;
            }

            if (!fileLines.TryGetValue(path, out var templateLines))
            {
                templateLines = text.Split('\n');
                fileLines.Add(path, templateLines);
            }

            if (lineNumber < 1 || lineNumber > templateLines.Length)
            {
                continue;
            }

            var expression = call.Groups["expr"].Value;
            var source = templateLines[lineNumber - 1];
            var column = source.IndexOf(expression, StringComparison.Ordinal);
            if (column < 0 || source.IndexOf(expression, column + 1, StringComparison.Ordinal) >= 0)
            {
                continue;
            }

            lines[i] = string.Format(
                CultureInfo.InvariantCulture,
                "#line ({0},{1})-({0},{2}) {3} {4}",
                lineNumber,
                column + 1,
                column + 1 + expression.Length,
                call.Groups["lead"].Length,
                directive.Groups["file"].Value);
        }

        return string.Join("\n", lines);
    }

    /// <summary>The 0-based line and column of <paramref name="offset"/> in <paramref name="text"/>.</summary>
    public static (int Line, int Column) Position(string text, int offset)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart);
    }
}
