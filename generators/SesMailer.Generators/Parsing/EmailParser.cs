using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SesMailer.Generators.Diagnostics;
using SesMailer.Generators.Helpers;
using SesMailer.Generators.Model;

namespace SesMailer.Generators.Parsing;

/// <summary>Reads one <c>[Email]</c> type into an <see cref="EmailSpec"/>: symbols in, plain values out.</summary>
internal static class EmailParser
{
    public const string EmailAttributeName = "SesMailer.EmailAttribute";

    public static EmailSpec Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var attribute = context.Attributes[0];
        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var attributeLocation = LocationInfo.From(attributeSyntax?.GetLocation() ?? type.Locations[0]);
        var diagnostics = new List<DiagnosticInfo>();

        var typeName = type.Name;
        var name = typeName.EndsWith("Email", StringComparison.Ordinal) && typeName.Length > "Email".Length
            ? typeName.Substring(0, typeName.Length - "Email".Length)
            : typeName;

        if (type.IsGenericType)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericType, attributeLocation, type.ToDisplayString()));
        }

        var isPublic = true;
        for (ISymbol? current = type; current is INamedTypeSymbol named; current = current.ContainingType)
        {
            switch (named.DeclaredAccessibility)
            {
                case Accessibility.Public:
                    break;
                case Accessibility.Internal:
                case Accessibility.ProtectedOrInternal:
                    // Generated code lives in the same assembly, so "protected internal" reaches it too.
                    isPublic = false;
                    break;
                default:
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TypeNotAccessible, attributeLocation, type.ToDisplayString()));
                    break;
            }

            if (named.IsFileLocal)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TypeNotAccessible, attributeLocation, type.ToDisplayString()));
            }
        }

        string? subject = null, from = null, replyTo = null, template = null, layout = null, category = null;
        INamedTypeSymbol? subjectResource = null;
        ImmutableArray<TypedConstant> tags = ImmutableArray<TypedConstant>.Empty;
        foreach (var argument in attribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case "Subject": subject = argument.Value.Value as string; break;
                case "SubjectResource": subjectResource = argument.Value.Value as INamedTypeSymbol; break;
                case "From": from = argument.Value.Value as string; break;
                case "ReplyTo": replyTo = argument.Value.Value as string; break;
                case "Template": template = argument.Value.Value as string; break;
                case "Layout": layout = argument.Value.Value as string; break;
                case "Category": category = argument.Value.Value as string; break;
                case "Tags": tags = argument.Value.IsNull ? tags : argument.Value.Values; break;
            }
        }

        if (string.IsNullOrWhiteSpace(subject))
        {
            // An empty subject is legal MIME but never what the author meant; say so at build time.
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingSubject, attributeLocation, type.ToDisplayString()));
        }

        // A subject from a .resx names a key here; its neutral string is checked once the .resx files are known.
        var subjectSpec = subjectResource is null
            ? SubjectParser.Parse(subject, type, ArgumentLiteral(attributeSyntax, "Subject"), attributeLocation, diagnostics)
            : new SubjectSpec(null, EquatableArray<SubjectPart>.Empty, string.IsNullOrWhiteSpace(subject) ? null : ResourceSubject(subjectResource, subject!, type, attributeSyntax));
        var fromSpec = AddressParser.Parse("From", from, ArgumentLocation(attributeSyntax, "From") ?? attributeLocation, diagnostics);
        var replyToSpec = AddressParser.Parse("ReplyTo", replyTo, ArgumentLocation(attributeSyntax, "ReplyTo") ?? attributeLocation, diagnostics);
        var tagSpecs = TagParser.Parse(category, tags, ArgumentLocation(attributeSyntax, "Tags") ?? ArgumentLocation(attributeSyntax, "Category") ?? attributeLocation, diagnostics);

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() : string.Empty;
        return new EmailSpec(
            name,
            typeName,
            ns,
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            type.ToDisplayString(),
            isPublic,
            subjectSpec,
            fromSpec,
            replyToSpec,
            template,
            layout,
            category,
            tagSpecs,
            attributeLocation,
            diagnostics.ToEquatableArray());
    }

    private static ResourceSubjectSpec ResourceSubject(INamedTypeSymbol resource, string key, INamedTypeSymbol model, AttributeSyntax? syntax)
    {
        // What the SDK's and Visual Studio's generated classes have: a static ResourceManager property.
        var hasResourceManager = resource.GetMembers("ResourceManager").OfType<IPropertySymbol>().Any(static p =>
            p.IsStatic
            && p.GetMethod is not null
            && p.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal
            && p.Type.ToDisplayString() == "System.Resources.ResourceManager");
        return new ResourceSubjectSpec(
            resource.Name,
            resource.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : string.Empty,
            resource.ToDisplayString(),
            resource.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            hasResourceManager && resource.ContainingType is null,
            key,
            MetadataName(model),
            ArgumentLocation(syntax, "Subject"),
            ArgumentLocation(syntax, "SubjectResource"));
    }

    /// <summary>The name <c>Compilation.GetTypeByMetadataName</c> finds the type by (<c>Ns.Outer+Inner</c>).</summary>
    private static string MetadataName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.MetadataName + "+" + name;
        }

        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
    }

    private static AttributeArgumentSyntax? Argument(AttributeSyntax? syntax, string name)
    {
        if (syntax?.ArgumentList is null)
        {
            return null;
        }

        foreach (var argument in syntax.ArgumentList.Arguments)
        {
            if (argument.NameEquals?.Name.Identifier.ValueText == name)
            {
                return argument;
            }
        }

        return null;
    }

    private static LocationInfo? ArgumentLocation(AttributeSyntax? syntax, string name) =>
        LocationInfo.From(Argument(syntax, name)?.Expression.GetLocation());

    /// <summary>The subject's string literal, when it is one (placeholders are then reported at their own column).</summary>
    private static LiteralExpressionSyntax? ArgumentLiteral(AttributeSyntax? syntax, string name) =>
        Argument(syntax, name)?.Expression as LiteralExpressionSyntax;
}
