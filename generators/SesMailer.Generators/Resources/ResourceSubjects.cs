using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SesMailer.Generators.Diagnostics;
using SesMailer.Generators.Helpers;
using SesMailer.Generators.Model;
using SesMailer.Generators.Parsing;

namespace SesMailer.Generators.Resources;

/// <summary>The subject of one email whose <c>[Email]</c> names a resource: its neutral string split into parts, or why not.</summary>
internal sealed record ResourceSubjectResult(string EmailType, SubjectSpec Subject, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// <c>[Email(SubjectResource = typeof(EmailStrings), Subject = "Key")]</c>: finds the neutral .resx of the class among
/// the .resx files the glue hands over, reads the key's string, and checks its placeholders against the model as a
/// literal subject is checked (SESM0101/SESM0102 at the attribute). A key the neutral file lacks is SESM0303; a class
/// no .resx generates, or without a static ResourceManager, is SESM0304. Translations are SESM0302's business.
/// </summary>
internal static class ResourceSubjects
{
    public static ResourceSubjectResult Resolve(EmailSpec email, ImmutableArray<ResourceFile> files, Compilation compilation)
    {
        var resource = email.Subject.Resource!;
        var diagnostics = new List<DiagnosticInfo>();
        var subject = email.Subject;
        var neutral = resource.HasResourceManager ? FindNeutral(files, resource) : null;
        if (neutral is null)
        {
            var why = resource.HasResourceManager
                ? "no embedded .resx generates it (its StronglyTypedClassName and StronglyTypedNamespace, else its ManifestResourceName, name another class)"
                : "it has no static ResourceManager property";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SubjectResourceUnknown, resource.ClassLocation ?? email.Location, resource.ClassDisplayName, why));
        }
        else if (neutral.Strings.FirstOrDefault(s => s.Name == resource.Key) is not { } entry)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SubjectResourceKeyNotFound, resource.KeyLocation ?? email.Location, resource.Key, System.IO.Path.GetFileName(neutral.Path), resource.ClassDisplayName));
        }
        else if (compilation.GetTypeByMetadataName(resource.ModelMetadataName) is { } model)
        {
            var parsed = SubjectParser.Parse(entry.Value, model, null, email.Location, diagnostics);
            subject = new SubjectSpec(parsed.Template, parsed.Parts, resource);
        }

        return new ResourceSubjectResult(email.FullyQualifiedType, subject, diagnostics.ToEquatableArray());
    }

    /// <summary>The email with its resource subject (and that subject's diagnostics) in place; other emails as they are.</summary>
    public static EmailSpec Apply(EmailSpec email, ImmutableArray<ResourceSubjectResult> results)
    {
        if (email.Subject.Resource is null)
        {
            return email;
        }

        foreach (var result in results)
        {
            if (result.EmailType == email.FullyQualifiedType)
            {
                return email with { Subject = result.Subject, Diagnostics = email.Diagnostics.Concat(result.Diagnostics).ToEquatableArray() };
            }
        }

        return email;
    }

    /// <summary>
    /// The neutral .resx of the class, matched as the SDK names it: StronglyTypedClassName and StronglyTypedNamespace,
    /// else a ManifestResourceName equal to the class's full name (Visual Studio's designer class), else the one file
    /// without that metadata named after the class.
    /// </summary>
    private static ResourceFile? FindNeutral(ImmutableArray<ResourceFile> files, ResourceSubjectSpec resource)
    {
        var neutrals = files.Where(static f => f.Culture.Length == 0 && f.Readable).OrderBy(static f => f.Path, StringComparer.Ordinal).ToList();
        var fullName = resource.ClassNamespace.Length == 0 ? resource.ClassName : resource.ClassNamespace + "." + resource.ClassName;
        var typed = neutrals.FirstOrDefault(f => f.Class.StronglyTypedClassName == resource.ClassName && f.Class.StronglyTypedNamespace == resource.ClassNamespace);
        if (typed is not null)
        {
            return typed;
        }

        var untyped = neutrals.Where(static f => f.Class.StronglyTypedClassName.Length == 0).ToList();
        var manifest = untyped.FirstOrDefault(f => f.Class.ManifestResourceName == fullName);
        if (manifest is not null)
        {
            return manifest;
        }

        var byName = untyped.Where(f => f.Class.ManifestResourceName.Length == 0 && System.IO.Path.GetFileName(f.BaseName) == resource.ClassName).ToList();
        return byName.Count == 1 ? byName[0] : null;
    }
}
