using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SesMailer.Generators.Diagnostics;
using SesMailer.Generators.Helpers;
using SesMailer.Generators.Model;

namespace SesMailer.Generators.Parsing;

/// <summary>Reads <c>Category</c> (the tag <c>category=value</c>) and <c>Tags</c> (<c>"name=value"</c> entries), checked against SES's tag rules.</summary>
internal static class TagParser
{
    public const string CategoryTagName = "category";

    public static EquatableArray<TagSpec> Parse(string? category, ImmutableArray<TypedConstant> tags, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        var result = new List<TagSpec>();
        if (category is not null)
        {
            var error = Check(category);
            if (error is null)
            {
                result.Add(new TagSpec(CategoryTagName, category));
            }
            else
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidTag, location, CategoryTagName + "=" + category, "the category " + error));
            }
        }

        foreach (var constant in tags)
        {
            var entry = constant.Value as string ?? string.Empty;
            var equals = entry.IndexOf('=');
            if (equals <= 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidTag, location, entry, "write it as 'name=value'"));
                continue;
            }

            var name = entry.Substring(0, equals);
            var value = entry.Substring(equals + 1);
            var error = Check(name) is { } nameError ? "the name " + nameError : Check(value) is { } valueError ? "the value " + valueError : null;
            if (error is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidTag, location, entry, error));
                continue;
            }

            result.Add(new TagSpec(name, value));
        }

        return result.ToEquatableArray();
    }

    private static string? Check(string text)
    {
        if (text.Length == 0)
        {
            return "is empty";
        }

        if (text.Length > 256)
        {
            return "is longer than 256 characters";
        }

        foreach (var c in text)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '-'))
            {
                return $"contains '{c}' (only A-Z, a-z, 0-9, '_' and '-' are allowed)";
            }
        }

        return null;
    }
}
