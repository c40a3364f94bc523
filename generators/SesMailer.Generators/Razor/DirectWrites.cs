using System;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SesMailer.Generators.Razor;

/// <summary>
/// Makes a template write its partials, sections and layout body straight into its output instead of through a
/// string. Razor turns <c>@await Partial("_Button", m)</c> into <c>Write(await Partial("_Button", m));</c>, which renders
/// the partial into a string of its own and then copies it; the same statement becomes
/// <c>await WritePartial("_Button", m);</c>, which renders the partial where the template is. Likewise
/// <c>@await RenderSectionAsync(…)</c>, <c>@RenderSection(…)</c> and <c>@RenderBody()</c>. The output is the same.
/// </summary>
/// <remarks>
/// Only a statement that is exactly one such call is rewritten (checked by parsing it), and the rewritten text keeps
/// the arguments at the very columns Razor put them, padded on the left: the <c>#line</c> mappings above it stay exact,
/// so an error in an argument is still reported at its place in the template. Templates with <c>@inherits</c> or
/// <c>@functions</c>, which could declare methods of these names, are left as Razor wrote them.
/// </remarks>
internal static class DirectWrites
{
    private static readonly Regex WriteStatement = new(@"^(?<indent>\s*)Write\((?<expr>.+)\);(?<cr>\r?)$", RegexOptions.CultureInvariant);

    public static string Rewrite(string code)
    {
        // Every rewritten call names Partial, Render or ToString: code without any has nothing to rewrite.
        if (code.IndexOf("Partial", StringComparison.Ordinal) < 0 && code.IndexOf("Render", StringComparison.Ordinal) < 0
            && code.IndexOf(".ToString(", StringComparison.Ordinal) < 0)
        {
            return code;
        }

        var lines = code.Split('\n');
        var changed = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].IndexOf("Write(", StringComparison.Ordinal) < 0)
            {
                continue;
            }

            var match = WriteStatement.Match(lines[i]);
            if (!match.Success || Replacement(match.Groups["expr"].Value) is not { } replacement)
            {
                continue;
            }

            // "Write(" + expression → padding + replacement, where replacement is no longer than "Write(" plus the
            // part of the expression it replaces: the arguments keep their columns.
            lines[i] = match.Groups["indent"].Value + replacement + ";" + match.Groups["cr"].Value;
            changed = true;
        }

        if (!changed)
        {
            return code;
        }

        var result = new StringBuilder(code.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            result.Append(lines[i]);
            if (i < lines.Length - 1)
            {
                result.Append('\n');
            }
        }

        return result.ToString();
    }

    /// <summary>The statement replacing <c>Write(expression);</c> (without its ';'), as long as <c>Write(expression)</c>, or null.</summary>
    private static string? Replacement(string expression)
    {
        // Most written expressions are model values: only one naming a method rewritten here is worth parsing.
        var formats = expression.IndexOf(".ToString(", StringComparison.Ordinal) >= 0;
        if (!formats && expression.IndexOf("Partial", StringComparison.Ordinal) < 0 && expression.IndexOf("Render", StringComparison.Ordinal) < 0)
        {
            return null;
        }

        var parsed = SyntaxFactory.ParseExpression(expression);
        if (parsed.ContainsDiagnostics || parsed.FullSpan.Length != expression.Length)
        {
            return null;
        }

        if (formats && FormattedWrite(expression, parsed) is { } formatted)
        {
            return formatted;
        }

        var awaited = parsed is AwaitExpressionSyntax awaitExpression;
        var call = (awaited ? ((AwaitExpressionSyntax)parsed).Expression : parsed) as InvocationExpressionSyntax;
        if (call is null || (awaited && call.Parent != parsed))
        {
            return null;
        }

        var (name, generic) = call.Expression switch
        {
            IdentifierNameSyntax identifier => (identifier.Identifier.ValueText, string.Empty),
            GenericNameSyntax genericName => (genericName.Identifier.ValueText, genericName.TypeArgumentList.ToFullString()),
            _ => (string.Empty, string.Empty),
        };

        var target = (name, awaited, generic.Length == 0) switch
        {
            ("Partial", true, _) => "await WritePartial",
            ("RenderSectionAsync", true, true) => "await WriteSectionAsync",
            ("RenderSection", false, true) => "WriteSection",
            ("RenderBody", false, true) => "WriteBody",
            _ => null,
        };
        if (target is null)
        {
            return null;
        }

        // Everything from the type arguments or the argument list on stays where it was.
        var kept = expression.Substring(call.Expression.Span.End - generic.Length - parsed.FullSpan.Start);
        var replaced = "Write(".Length + expression.Length - kept.Length;
        if (target.Length > replaced)
        {
            return null;
        }

        return new string(' ', replaced - target.Length) + target + kept;
    }

    /// <summary>
    /// <c>Write(value.ToString(format, provider))</c> as <c>Write(value, format, provider)</c>, which formats the value
    /// into the output (<c>EmailTemplate.Write&lt;T&gt;(T, string?, IFormatProvider?)</c>) instead of into a string that
    /// is then copied; or null. The value and the two arguments keep their columns: ".ToString(" becomes ", " padded
    /// with spaces, and the closing parenthesis of ToString closes Write.
    /// </summary>
    /// <remarks>
    /// Only two positional arguments on a plain member access are rewritten: that is the <c>IFormattable</c> form,
    /// which the value's type implements when its <c>ToString(format, provider)</c> is the usual one. A value of a type
    /// with a two-argument <c>ToString</c> of its own and no <c>IFormattable</c> would no longer compile; none of the
    /// runtime's types is one.
    /// </remarks>
    private static string? FormattedWrite(string expression, ExpressionSyntax parsed)
    {
        if (parsed is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member, ArgumentList: var arguments }
            || !member.IsKind(SyntaxKind.SimpleMemberAccessExpression)
            || member.Name is not IdentifierNameSyntax { Identifier.ValueText: "ToString" }
            || arguments.Arguments.Count != 2
            || member.Expression is BaseExpressionSyntax or ThisExpressionSyntax or PredefinedTypeSyntax)
        {
            return null;
        }

        foreach (var argument in arguments.Arguments)
        {
            if (argument.NameColon is not null || !argument.RefKindKeyword.IsKind(SyntaxKind.None))
            {
                return null;
            }
        }

        var start = parsed.FullSpan.Start;
        var receiverEnd = member.Expression.FullSpan.End - start;
        var argumentsStart = arguments.OpenParenToken.Span.End - start;
        var argumentsEnd = arguments.CloseParenToken.Span.Start - start;
        if (argumentsEnd + 1 != expression.Length)
        {
            return null;
        }

        // "Write(" value ".ToString(" args ")" → "Write(" value ", " + padding args ")": the same length.
        var gap = argumentsStart - receiverEnd;
        return "Write(" + expression.Substring(0, receiverEnd) + "," + new string(' ', gap - 1)
            + expression.Substring(argumentsStart, argumentsEnd - argumentsStart) + ")";
    }
}
