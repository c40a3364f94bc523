using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SesMailer.Generators.Diagnostics;
using SesMailer.Generators.Helpers;
using SesMailer.Generators.Model;

namespace SesMailer.Generators.Parsing;

/// <summary>Reads one <c>[EmailPreview]</c> method or property into a <see cref="PreviewSpec"/>.</summary>
internal static class PreviewParser
{
    public const string PreviewAttributeName = "SesMailer.EmailPreviewAttribute";
    private const string PreviewWrapperName = "SesMailer.EmailPreview`1";

    public static PreviewSpec Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var member = context.TargetSymbol;
        var attribute = context.Attributes[0];
        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var location = LocationInfo.From(attributeSyntax?.GetLocation() ?? member.Locations[0]);
        var diagnostics = new List<DiagnosticInfo>();
        var display = member.ContainingType.ToDisplayString() + "." + member.Name + (member is IMethodSymbol ? "()" : string.Empty);
        var name = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        if (string.IsNullOrWhiteSpace(name))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PreviewMemberUnusable, location, display, "its name is empty; write [EmailPreview(\"Long name\")]"));
            name = member.Name;
        }

        ITypeSymbol? returned = null;
        switch (member)
        {
            case IMethodSymbol method:
                returned = method.ReturnType;
                if (method.Parameters.Length > 0 || method.IsGenericMethod)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PreviewMemberUnusable, location, display, "it takes parameters or type parameters; a preview is called with none"));
                }

                break;
            case IPropertySymbol property:
                returned = property.Type;
                if (property.GetMethod is null || property.Parameters.Length > 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PreviewMemberUnusable, location, display, "it has no getter, or is an indexer"));
                }

                break;
        }

        if (!member.IsStatic)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PreviewMemberUnusable, location, display, "it is not static; make it static"));
        }

        if (!Reachable(member))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PreviewMemberUnusable, location, display, "it (or a type containing it) is private, protected, file-local or generic; make it internal or public"));
        }

        // The model itself, or EmailPreview<TEmail>, whose TEmail must be an [Email] type of this project.
        var withOptions = false;
        var emailType = returned as INamedTypeSymbol;
        if (emailType is { IsGenericType: true } && emailType.ConstructedFrom.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == "global::SesMailer.EmailPreview<TEmail>")
        {
            withOptions = true;
            emailType = emailType.TypeArguments[0] as INamedTypeSymbol;
        }

        string? emailName = null;
        if (emailType is not null && IsEmail(emailType))
        {
            if (emailType.Locations.Any(static l => l.IsInSource))
            {
                emailName = emailType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            }
            else
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PreviewNotAnEmail, location, display, returned!.ToDisplayString(), " (it is declared in another assembly; put the preview in that project)"));
            }
        }
        else
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PreviewNotAnEmail, location, display, returned?.ToDisplayString() ?? "?", string.Empty));
        }

        var containing = member.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var invocation = containing + "." + member.Name + (member is IMethodSymbol ? "()" : string.Empty);
        return new PreviewSpec(name!, emailName, invocation, display, withOptions, location, diagnostics.ToEquatableArray());
    }

    private static bool IsEmail(INamedTypeSymbol type) =>
        type.GetAttributes().Any(static a => a.AttributeClass?.ToDisplayString() == EmailParser.EmailAttributeName);

    /// <summary>Whether generated code elsewhere in the assembly can call <paramref name="member"/>.</summary>
    private static bool Reachable(ISymbol member)
    {
        for (ISymbol? current = member; current is not null and not INamespaceSymbol; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                return false;
            }

            if (current is INamedTypeSymbol named && (named.IsFileLocal || named.IsGenericType))
            {
                return false;
            }
        }

        return true;
    }
}
