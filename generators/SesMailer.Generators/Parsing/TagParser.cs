using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SesMailer.Generators.Diagnostics;
using SesMailer.Generators.Helpers;
using SesMailer.Generators.Model;
using SesMailer.Rules;

namespace SesMailer.Generators.Parsing;

/// <summary>
/// Reads <c>Category</c> (the tag <c>category=value</c>) and <c>Tags</c> (<c>"name=value"</c> entries), checked with the
/// tag rule the mailer applies at send (src/Rules).
/// </summary>
internal static class TagParser
{
    public const string CategoryTagName = "category";

    public static EquatableArray<TagSpec> Parse(string? category, ImmutableArray<TypedConstant> tags, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        var result = new List<TagSpec>();
        if (category is not null)
        {
            var check = TagRule.Check(category, "value");
            if (check.IsValid)
            {
                result.Add(new TagSpec(CategoryTagName, category));
            }
            else
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidTag, location, CategoryTagName + "=" + category, check.Message!));
            }
        }

        foreach (var constant in tags)
        {
            var entry = constant.Value as string ?? string.Empty;
            var equals = entry.IndexOf('=');
            if (equals <= 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidTag, location, entry, "write it as 'name=value'."));
                continue;
            }

            var name = entry.Substring(0, equals);
            var value = entry.Substring(equals + 1);
            var check = TagRule.Check(name, "name");
            if (check.IsValid)
            {
                check = TagRule.Check(value, "value");
            }

            if (!check.IsValid)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidTag, location, entry, check.Message!));
                continue;
            }

            result.Add(new TagSpec(name, value));
        }

        return result.ToEquatableArray();
    }
}
