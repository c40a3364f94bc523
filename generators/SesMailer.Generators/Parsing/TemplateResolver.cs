using System;
using System.Collections.Generic;
using System.Linq;
using SesMailer.Conventions;
using SesMailer.Generators.Diagnostics;
using SesMailer.Generators.Helpers;
using SesMailer.Generators.Model;
using SesMailer.Generators.Razor;

namespace SesMailer.Generators.Parsing;

/// <summary>Finds each email's templates: by convention (<c>{TypeName}.cshtml</c>, <c>{TypeName}.text.cshtml</c>) or by <c>Template</c>.</summary>
internal static class TemplateResolver
{
    public static ResolvedEmail Resolve(EmailSpec email, EquatableArray<TemplateEntry> templates, string generatedNamespace)
    {
        var diagnostics = new List<DiagnosticInfo>();
        TemplateEntry? html, text;
        string htmlHint, textHint;
        if (email.TemplatePath is { } explicitPath)
        {
            var trimmed = explicitPath.Replace('\\', '/').TrimStart('~', '/');
            var stem = TemplateFileNames.Stem(trimmed);
            htmlHint = stem + TemplateFileNames.Extension;
            textHint = stem + TemplateFileNames.TextExtension;
            html = templates.FirstOrDefault(t => string.Equals(t.RelativePath, htmlHint, StringComparison.OrdinalIgnoreCase));
            text = templates.FirstOrDefault(t => string.Equals(t.RelativePath, textHint, StringComparison.OrdinalIgnoreCase));
        }
        else
        {
            htmlHint = email.TypeName + TemplateFileNames.Extension;
            textHint = email.TypeName + TemplateFileNames.TextExtension;
            html = Single(email, templates, TemplateKind.Html, diagnostics);
            text = Single(email, templates, TemplateKind.Text, diagnostics);
        }

        if (html is null && text is null && diagnostics.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TemplateNotFound, email.Location, email.MetadataDisplayName, htmlHint, textHint));
        }

        var localized = Localized(email, templates, html, text, diagnostics);
        return new ResolvedEmail(email, generatedNamespace, html?.RelativePath, html?.ClassName, text?.RelativePath, text?.ClassName, diagnostics.ToEquatableArray(), localized);
    }

    /// <summary>The bindings of the templates an email claims (their model type and namespace are implied).</summary>
    public static IEnumerable<TemplateBinding> Bindings(ResolvedEmail resolved, EquatableArray<TemplateEntry> templates)
    {
        foreach (var relative in new[] { resolved.HtmlTemplatePath, resolved.TextTemplatePath }.Concat(resolved.Localized.Select(static l => l.RelativePath)))
        {
            var entry = relative is null ? null : templates.FirstOrDefault(t => t.RelativePath == relative);
            if (entry is not null)
            {
                yield return new TemplateBinding(entry.Path, resolved.Email.Name, resolved.Email.FullyQualifiedType, resolved.Email.Namespace);
            }
        }
    }

    /// <summary>
    /// The localized variants beside each neutral template found (<c>{stem}.{culture}.cshtml</c> and
    /// <c>{stem}.{culture}.text.cshtml</c>, in the neutral template's folder); a variant of a kind that has no neutral
    /// template is reported, since a culture without it would have nothing to fall back to.
    /// </summary>
    private static EquatableArray<LocalizedTemplate> Localized(EmailSpec email, EquatableArray<TemplateEntry> templates, TemplateEntry? html, TemplateEntry? text, List<DiagnosticInfo> diagnostics)
    {
        // The stem every variant shares: the neutral template's path, else (no neutral of either kind) the convention's.
        var neutral = html ?? text;
        var stem = neutral is not null
            ? TemplateFileNames.Stem(neutral.RelativePath)
            : email.TemplatePath is { } explicitPath ? TemplateFileNames.Stem(explicitPath.Replace('\\', '/').TrimStart('~', '/')) : null;
        var result = new List<LocalizedTemplate>();
        foreach (var entry in templates)
        {
            if (entry.IsImports || !TemplateCultures.TrySplit(TemplateFileNames.Stem(entry.RelativePath), out var baseStem, out var culture))
            {
                continue;
            }

            var matches = stem is not null
                ? string.Equals(baseStem, stem, StringComparison.OrdinalIgnoreCase)
                : email.TemplatePath is null && string.Equals(System.IO.Path.GetFileName(baseStem), email.TypeName, StringComparison.Ordinal);
            if (!matches)
            {
                continue;
            }

            var hasNeutral = entry.Kind == TemplateKind.Html ? html is not null : text is not null;
            if (!hasNeutral)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.LocalizedTemplateWithoutNeutral,
                    email.Location,
                    entry.RelativePath,
                    email.MetadataDisplayName,
                    baseStem + (entry.Kind == TemplateKind.Html ? TemplateFileNames.Extension : TemplateFileNames.TextExtension)));
                continue;
            }

            result.Add(new LocalizedTemplate(culture, entry.Kind, entry.RelativePath, entry.ClassName));
        }

        return result.OrderBy(static l => l.RelativePath, StringComparer.Ordinal).ToEquatableArray();
    }

    /// <summary>
    /// Templates named like a localized template (<c>WelcomEmail.fr.cshtml</c>) that belong to no email: a typo in the
    /// name, or an email that was renamed or removed, would otherwise leave the translation silently unused.
    /// Partials and layouts (<c>_Name</c>) and SesMailer's shipped templates are not emails' templates and are left alone.
    /// </summary>
    public static EquatableArray<DiagnosticInfo> UnclaimedLocalized(IReadOnlyList<ResolvedEmail> emails, EquatableArray<TemplateEntry> templates)
    {
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var stems = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var resolved in emails)
        {
            names.Add(resolved.Email.TypeName);
            if (resolved.Email.TemplatePath is { } explicitPath)
            {
                stems.Add(TemplateFileNames.Stem(explicitPath.Replace('\\', '/').TrimStart('~', '/')));
            }

            foreach (var localized in resolved.Localized)
            {
                claimed.Add(localized.RelativePath);
            }
        }

        var result = new List<DiagnosticInfo>();
        foreach (var entry in templates)
        {
            var fileName = System.IO.Path.GetFileName(entry.RelativePath);
            if (entry.IsImports || claimed.Contains(entry.RelativePath) || fileName.StartsWith("_", StringComparison.Ordinal)
                || entry.RelativePath.StartsWith("_shared/", StringComparison.Ordinal)
                || !TemplateCultures.TrySplit(TemplateFileNames.Stem(entry.RelativePath), out var baseStem, out _))
            {
                continue;
            }

            // An email of that name exists: its own resolution reported what is wrong (SESM0008), if anything.
            if (names.Contains(System.IO.Path.GetFileName(baseStem)) || stems.Contains(baseStem))
            {
                continue;
            }

            result.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.LocalizedTemplateWithoutEmail,
                LocationInfo.InFile(entry.Path, 0, 0, 0, 0),
                entry.RelativePath,
                System.IO.Path.GetFileName(baseStem)));
        }

        return result.ToEquatableArray();
    }

    private static TemplateEntry? Single(EmailSpec email, EquatableArray<TemplateEntry> templates, TemplateKind kind, List<DiagnosticInfo> diagnostics)
    {
        var candidates = templates
            .Where(t => !t.IsImports && t.Kind == kind && string.Equals(t.Name, email.TypeName, StringComparison.Ordinal))
            .ToList();
        if (candidates.Count > 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.AmbiguousTemplate,
                email.Location,
                email.MetadataDisplayName,
                string.Join(", ", candidates.Select(c => "'" + c.RelativePath + "'"))));
            return null;
        }

        return candidates.Count == 1 ? candidates[0] : null;
    }
}
