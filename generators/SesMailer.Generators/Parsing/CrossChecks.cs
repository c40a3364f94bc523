using System;
using System.Collections.Generic;
using System.Linq;
using SesMailer.Conventions;
using SesMailer.Generators.Diagnostics;
using SesMailer.Generators.Model;
using SesMailer.Generators.Razor;

namespace SesMailer.Generators.Parsing;

/// <summary>Checks that need every email and template at once: unique method names, layouts and partials that exist.</summary>
internal static class CrossChecks
{
    public static IEnumerable<DiagnosticInfo> Run(IReadOnlyList<ResolvedEmail> emails, IReadOnlyList<TemplateSummary> templates)
    {
        var byName = new Dictionary<string, EmailSpec>(StringComparer.Ordinal);
        foreach (var resolved in emails)
        {
            var email = resolved.Email;
            if (byName.TryGetValue(email.Name, out var first))
            {
                yield return DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateEmailName, email.Location, first.MetadataDisplayName, email.MetadataDisplayName, email.Name);
            }
            else
            {
                byName.Add(email.Name, email);
            }

            if (email.Layout is { } layout)
            {
                foreach (var kind in new[] { TemplateKind.Html, TemplateKind.Text })
                {
                    var path = kind == TemplateKind.Html ? resolved.HtmlTemplatePath : resolved.TextTemplatePath;
                    if (path is not null && !Exists(templates, layout, kind))
                    {
                        yield return DiagnosticInfo.Create(DiagnosticDescriptors.LayoutNotFound, email.Location, layout, Extension(kind));
                    }
                }
            }
        }

        foreach (var template in templates)
        {
            foreach (var layout in template.Layouts)
            {
                if (!Exists(templates, layout.Name, template.Kind))
                {
                    yield return DiagnosticInfo.Create(DiagnosticDescriptors.LayoutNotFound, layout.Location, layout.Name, Extension(template.Kind));
                }
            }

            foreach (var partial in template.Partials)
            {
                var target = Find(templates, partial.Name, template.Kind);
                if (target is null)
                {
                    yield return DiagnosticInfo.Create(DiagnosticDescriptors.PartialNotFound, partial.Location, partial.Name, Extension(template.Kind));
                }
                else if (partial.ModelType is { } given && target.ModelType != "object" && SimpleName(given) != SimpleName(target.ModelType))
                {
                    yield return DiagnosticInfo.Create(DiagnosticDescriptors.PartialModelMismatch, partial.Location, partial.Name, target.ModelType, given);
                }
            }
        }
    }

    private static bool Exists(IReadOnlyList<TemplateSummary> templates, string name, TemplateKind kind) => Find(templates, name, kind) is not null;

    private static TemplateSummary? Find(IReadOnlyList<TemplateSummary> templates, string name, TemplateKind kind) =>
        templates.FirstOrDefault(t => t.Kind == kind && string.Equals(t.Name, name, StringComparison.Ordinal));

    /// <summary>The last dotted segment: <c>global::A.B.ButtonModel</c> and <c>ButtonModel</c> name the same type here.</summary>
    private static string SimpleName(string type)
    {
        var dot = type.LastIndexOf('.');
        var colon = type.LastIndexOf(':');
        return type.Substring(Math.Max(dot, colon) + 1).Trim();
    }

    private static string Extension(TemplateKind kind) => kind == TemplateKind.Text ? TemplateFileNames.TextExtension : TemplateFileNames.Extension;
}
