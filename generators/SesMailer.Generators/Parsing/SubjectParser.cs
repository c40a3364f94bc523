using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SesMailer.Generators.Diagnostics;
using SesMailer.Generators.Helpers;
using SesMailer.Generators.Model;

namespace SesMailer.Generators.Parsing;

/// <summary>
/// Splits a subject such as <c>"Order {Order.Id} total {Total:C}"</c> into literal text and member paths,
/// resolving each path against the model type so that a typo is a build error at the placeholder.
/// </summary>
internal static class SubjectParser
{
    public static SubjectSpec Parse(string? template, INamedTypeSymbol model, LiteralExpressionSyntax? literal, LocationInfo? fallback, List<DiagnosticInfo> diagnostics)
    {
        if (template is null)
        {
            return new SubjectSpec(null, EquatableArray<SubjectPart>.Empty);
        }

        var parts = new List<SubjectPart>();
        var text = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            var c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                text.Append('{');
                i += 2;
                continue;
            }

            if (c == '}' && i + 1 < template.Length && template[i + 1] == '}')
            {
                text.Append('}');
                i += 2;
                continue;
            }

            if (c == '}')
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SubjectSyntax, At(literal, i, 1, fallback), $"'}}' at position {i} closes no placeholder (write '}}}}' for a literal brace)"));
                return new SubjectSpec(template, EquatableArray<SubjectPart>.Empty);
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
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SubjectSyntax, At(literal, i, template.Length - i, fallback), $"the placeholder at position {i} is not closed with '}}' (write '{{{{' for a literal brace)"));
                return new SubjectSpec(template, EquatableArray<SubjectPart>.Empty);
            }

            if (text.Length > 0)
            {
                parts.Add(new SubjectPart(text.ToString(), null, null));
                text.Clear();
            }

            var body = template.Substring(i + 1, close - i - 1);
            var colon = body.IndexOf(':');
            var path = (colon < 0 ? body : body.Substring(0, colon)).Trim();
            var format = colon < 0 ? null : body.Substring(colon + 1);
            var expression = Resolve(path, model, out var missing);
            if (format is not null && (format.IndexOf('"') >= 0 || format.IndexOf('{') >= 0 || format.IndexOf('\\') >= 0 || format.IndexOf('\n') >= 0))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SubjectSyntax, At(literal, i, close - i + 1, fallback), $"the format of '{{{body}}}' may not contain quotes, braces, backslashes or line breaks"));
            }
            else if (expression is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.SubjectPlaceholderNotFound,
                    At(literal, i, close - i + 1, fallback),
                    body,
                    model.ToDisplayString(),
                    missing));
            }
            else
            {
                parts.Add(new SubjectPart(null, expression, format));
            }

            i = close + 1;
        }

        if (text.Length > 0)
        {
            parts.Add(new SubjectPart(text.ToString(), null, null));
        }

        return new SubjectSpec(template, parts.ToEquatableArray());
    }

    /// <summary>
    /// Walks <c>A.B.C</c> over readable instance properties and fields (inherited ones included) and returns the
    /// C# expression over a variable named <c>email</c>, null-conditional after reference types.
    /// </summary>
    private static string? Resolve(string path, INamedTypeSymbol model, out string missing)
    {
        missing = path;
        if (path.Length == 0)
        {
            missing = "(empty)";
            return null;
        }

        var expression = new StringBuilder("email");
        ITypeSymbol current = model;
        var previousIsReference = false;
        var first = true;
        foreach (var segment in path.Split('.'))
        {
            var member = FindMember(current, segment);
            if (member is null)
            {
                missing = segment;
                return null;
            }

            expression.Append(!first && previousIsReference ? "?." : ".").Append(SyntaxFacts.GetKeywordKind(segment) != SyntaxKind.None ? "@" + segment : segment);
            current = member;
            previousIsReference = !current.IsValueType;
            first = false;
        }

        return expression.ToString();
    }

    private static ITypeSymbol? FindMember(ITypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(name))
            {
                if (member.IsStatic || member.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal))
                {
                    continue;
                }

                switch (member)
                {
                    case IPropertySymbol { GetMethod: not null, IsIndexer: false } property:
                        return property.Type;
                    case IFieldSymbol field:
                        return field.Type;
                }
            }
        }

        if (type.TypeKind == TypeKind.Interface)
        {
            foreach (var inherited in type.AllInterfaces)
            {
                var found = inherited.GetMembers(name).OfType<IPropertySymbol>().FirstOrDefault();
                if (found is not null)
                {
                    return found.Type;
                }
            }
        }

        return null;
    }

    /// <summary>The location of characters [start, start+length) of the subject value inside its literal, when it maps one to one.</summary>
    private static LocationInfo? At(LiteralExpressionSyntax? literal, int start, int length, LocationInfo? fallback)
    {
        if (literal is null)
        {
            return fallback;
        }

        var token = literal.Token;
        var raw = token.Text;
        // Only a plain "..." literal without escapes maps value offsets to source columns one to one.
        if (!raw.StartsWith("\"", System.StringComparison.Ordinal) || raw.Contains("\\") || raw.Length - 2 != token.ValueText.Length)
        {
            return LocationInfo.From(literal.GetLocation());
        }

        var span = new TextSpan(token.SpanStart + 1 + start, length);
        return LocationInfo.From(Location.Create(literal.SyntaxTree, span));
    }
}
