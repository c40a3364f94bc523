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
using SesMailer.Rules;
using SesMailer.Conventions;

namespace SesMailer.Generators.Parsing;

/// <summary>
/// Splits a subject such as <c>"Order {Order.Id} total {Total:C}"</c> into literal text and member paths (the grammar
/// is <see cref="SubjectSyntax"/>'s, shared with SesMailer.RazorLight), resolving each path against the model type so
/// that a typo is a build error at the placeholder.
/// </summary>
internal static class SubjectParser
{
    public static SubjectSpec Parse(string? template, INamedTypeSymbol model, LiteralExpressionSyntax? literal, LocationInfo? fallback, List<DiagnosticInfo> diagnostics)
    {
        if (template is null)
        {
            return new SubjectSpec(null, EquatableArray<SubjectPart>.Empty);
        }

        // The rule the mailer applies to the subject at send (src/Rules): line breaks and control characters.
        var oneLine = HeaderTextRule.Check(template, "subject");
        if (!oneLine.IsValid)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SubjectSyntax, LocationInfo.From(literal?.GetLocation()) ?? fallback, oneLine.Message!));
            return new SubjectSpec(template, EquatableArray<SubjectPart>.Empty);
        }

        var tokens = SubjectSyntax.Tokenize(template, out var error);
        if (error is { } syntax)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SubjectSyntax, At(literal, syntax.Position, syntax.Length, fallback), syntax.Message));
            return new SubjectSpec(template, EquatableArray<SubjectPart>.Empty);
        }

        var parts = new List<SubjectPart>();
        foreach (var token in tokens)
        {
            if (token.Literal is not null)
            {
                parts.Add(new SubjectPart(token.Literal, null, null));
                continue;
            }

            var expression = Resolve(token.Path, model, out var missing);
            if (SubjectSyntax.FormatError(token) is { } formatError)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SubjectSyntax, At(literal, token.Position, token.Length, fallback), formatError));
            }
            else if (expression is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.SubjectPlaceholderNotFound,
                    At(literal, token.Position, token.Length, fallback),
                    token.Body,
                    model.ToDisplayString(),
                    missing));
            }
            else
            {
                parts.Add(new SubjectPart(null, expression, token.Format, token.Path));
            }
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
                if (member.IsStatic || member.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
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
