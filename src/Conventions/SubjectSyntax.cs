using System.Collections.Generic;
using System.Text;

// One grammar for subjects, compiled from this one file into two assemblies that link it in their project files: the
// generator (netstandard2.0, at build time) and SesMailer.RazorLight (at run time). Both must accept and reject the same
// subjects, with the same messages; only how a placeholder's path is resolved differs (symbols vs reflection).
namespace SesMailer.Conventions;

/// <summary>
/// A piece of a subject: literal text (<see cref="Literal"/>), or a placeholder <c>{Path:Format}</c> whose text between
/// the braces is <see cref="Body"/>, starting at <see cref="Position"/> and <see cref="Length"/> characters long with its braces.
/// </summary>
internal readonly record struct SubjectToken(string? Literal, string Body, string Path, string? Format, int Position, int Length)
{
    public static SubjectToken Text(string literal) => new(literal, string.Empty, string.Empty, null, -1, 0);
}

/// <summary>A syntax error in a subject: the rule broken, and where (<see cref="Length"/> characters from <see cref="Position"/>).</summary>
internal readonly record struct SubjectSyntaxError(string Message, int Position, int Length);

/// <summary>
/// Splits a subject such as <c>"Order {Order.Id} total {Total:C}"</c> into literal text and placeholders:
/// <c>{Member}</c>, <c>{Member.Path}</c>, <c>{Member:format}</c>; <c>{{</c> and <c>}}</c> are literal braces.
/// </summary>
internal static class SubjectSyntax
{
    // A format ends up inside a C# interpolation hole in generated code: these characters would break out of it.
    private static readonly char[] ForbiddenInFormat = { '"', '{', '\\', '\n' };

    /// <summary>The tokens of <paramref name="template"/>, or the first unbalanced brace as <paramref name="error"/>.</summary>
    public static List<SubjectToken> Tokenize(string template, out SubjectSyntaxError? error)
    {
        var tokens = new List<SubjectToken>();
        var text = new StringBuilder();
        error = null;
        var i = 0;
        while (i < template.Length)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                text.Append(c);
                i += 2;
                continue;
            }

            if (c == '}')
            {
                error = new SubjectSyntaxError($"'}}' at position {i} closes no placeholder (write '}}}}' for a literal brace)", i, 1);
                return tokens;
            }

            if (c != '{')
            {
                text.Append(c);
                i++;
                continue;
            }

            var close = template.IndexOf('}', i + 1);
            if (close < 0)
            {
                error = new SubjectSyntaxError($"the placeholder at position {i} is not closed with '}}' (write '{{{{' for a literal brace)", i, template.Length - i);
                return tokens;
            }

            if (text.Length > 0)
            {
                tokens.Add(SubjectToken.Text(text.ToString()));
                text.Clear();
            }

            var body = template.Substring(i + 1, close - i - 1);
            var colon = body.IndexOf(':');
            var path = (colon < 0 ? body : body.Substring(0, colon)).Trim();
            var format = colon < 0 ? null : body.Substring(colon + 1);
            tokens.Add(new SubjectToken(null, body, path, format, i, close - i + 1));
            i = close + 1;
        }

        if (text.Length > 0)
        {
            tokens.Add(SubjectToken.Text(text.ToString()));
        }

        return tokens;
    }

    /// <summary>Why the format of <paramref name="placeholder"/> is refused, or <see langword="null"/> when it is fine.</summary>
    public static string? FormatError(SubjectToken placeholder) =>
        placeholder.Format is { } format && format.IndexOfAny(ForbiddenInFormat) >= 0
            ? $"the format of '{{{placeholder.Body}}}' may not contain quotes, braces, backslashes or line breaks"
            : null;
}
