using System;
using System.Collections.Generic;
using System.Linq;
using SesMailer.Conventions;
using SesMailer.Generators.Diagnostics;
using SesMailer.Generators.Helpers;
using SesMailer.Generators.Model;

namespace SesMailer.Generators.Resources;

/// <summary>
/// Each culture's .resx against its neutral one: a key the culture lacks falls back to the neutral string (SESM0301,
/// a warning, at the culture file); a translation whose <c>{Placeholder}</c>s are not the neutral string's is an error
/// (SESM0302, at its <c>&lt;data&gt;</c> element), since the format would fail or drop a value at run time.
/// </summary>
internal static class ResourceChecks
{
    public static EquatableArray<DiagnosticInfo> Run(IEnumerable<ResourceFile> files)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var all = files.ToList();
        var neutrals = all.Where(static f => f.Culture.Length == 0 && f.Readable)
            .GroupBy(static f => f.BaseName, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(static g => g.Key, static g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var culture in all.Where(static f => f.Culture.Length > 0 && f.Readable).OrderBy(static f => f.Path, StringComparer.Ordinal))
        {
            if (!neutrals.TryGetValue(culture.BaseName, out var neutral))
            {
                continue;
            }

            var translated = new Dictionary<string, ResourceString>(StringComparer.Ordinal);
            foreach (var entry in culture.Strings)
            {
                translated[entry.Name] = entry;
            }

            var fileName = System.IO.Path.GetFileName(culture.Path);
            foreach (var entry in neutral.Strings)
            {
                if (!translated.TryGetValue(entry.Name, out var translation))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ResourceStringMissing, culture.Root, fileName, entry.Name, culture.Culture));
                    continue;
                }

                var expected = Placeholders(entry.Value, out var neutralError);
                if (neutralError is not null)
                {
                    // Not a placeholder string (a brace of its own): nothing to compare the translation with.
                    continue;
                }

                var actual = Placeholders(translation.Value, out var error);
                if (error is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ResourcePlaceholdersDiffer, translation.Location, entry.Name, fileName, error, Describe(expected)));
                }
                else if (!actual.SetEquals(expected))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ResourcePlaceholdersDiffer, translation.Location, entry.Name, fileName, "it has " + Describe(actual), Describe(expected)));
                }
            }
        }

        return diagnostics.ToEquatableArray();
    }

    /// <summary>The placeholder paths of <paramref name="value"/> (<c>{Order.Id:D}</c> gives <c>Order.Id</c>): the format may differ by culture.</summary>
    private static SortedSet<string> Placeholders(string value, out string? error)
    {
        var tokens = SubjectSyntax.Tokenize(value, out var syntaxError);
        error = syntaxError?.Message;
        return new SortedSet<string>(tokens.Where(static t => t.Literal is null).Select(static t => t.Path), StringComparer.Ordinal);
    }

    private static string Describe(SortedSet<string> placeholders) =>
        placeholders.Count == 0 ? "no placeholders" : string.Join(", ", placeholders.Select(static p => "{" + p + "}"));
}
