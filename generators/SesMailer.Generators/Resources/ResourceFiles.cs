using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SesMailer.Conventions;
using SesMailer.Generators.Helpers;
using SesMailer.Generators.Model;

namespace SesMailer.Generators.Resources;

/// <summary>One string of a .resx: its key, its value, and where its <c>&lt;data&gt;</c> element starts.</summary>
internal sealed record ResourceString(string Name, string Value, LocationInfo Location);

/// <summary>
/// A .resx the MSBuild glue marked <c>SesMailerResource="true"</c>: <see cref="BaseName"/> is its path without the
/// culture segment and extension (<c>/p/Resources/Strings</c> for <c>Strings.fr.resx</c> and <c>Strings.resx</c>),
/// <see cref="Culture"/> is empty for the neutral file. <see cref="Readable"/> is false for XML that does not parse
/// (GenerateResource reports that itself). <see cref="Class"/> is what names its strongly typed class, for
/// <c>[Email(SubjectResource = …)]</c>.
/// </summary>
internal sealed record ResourceFile(string Path, string BaseName, string Culture, bool Readable, LocationInfo Root, EquatableArray<ResourceString> Strings, ResourceClass Class);

/// <summary>
/// The item metadata that names a .resx's strongly typed class: <c>StronglyTypedClassName</c> and
/// <c>StronglyTypedNamespace</c> (the SDK's GenerateResource writes that class), else <c>ManifestResourceName</c>, the
/// full name Visual Studio's designer class takes (<c>RootNamespace.Folder.Strings</c>). Empty when not set.
/// </summary>
internal sealed record ResourceClass(string StronglyTypedClassName, string StronglyTypedNamespace, string ManifestResourceName)
{
    public static readonly ResourceClass None = new(string.Empty, string.Empty, string.Empty);
}

/// <summary>Reads the .resx AdditionalFiles: their string entries (<c>&lt;data name="…"&gt;&lt;value&gt;…&lt;/value&gt;&lt;/data&gt;</c> without a type).</summary>
internal static class ResourceFiles
{
    public const string ResourceMetadata = "build_metadata.AdditionalFiles.SesMailerResource";
    private const string ClassNameMetadata = "build_metadata.AdditionalFiles.StronglyTypedClassName";
    private const string NamespaceMetadata = "build_metadata.AdditionalFiles.StronglyTypedNamespace";
    private const string ManifestMetadata = "build_metadata.AdditionalFiles.ManifestResourceName";

    public static ResourceFile? Read(AdditionalText text, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        if (!text.Path.EndsWith(".resx", StringComparison.OrdinalIgnoreCase)
            || !options.GetOptions(text).TryGetValue(ResourceMetadata, out var marker)
            || !string.Equals(marker, "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var source = text.GetText(cancellationToken);
        if (source is null)
        {
            return null;
        }

        var metadata = options.GetOptions(text);
        return Parse(text.Path, source) with
        {
            Class = new ResourceClass(Value(metadata, ClassNameMetadata), Value(metadata, NamespaceMetadata), Value(metadata, ManifestMetadata)),
        };
    }

    private static string Value(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) ? value.Trim() : string.Empty;

    public static ResourceFile Parse(string path, SourceText source)
    {
        var directory = path.Substring(0, path.Length - System.IO.Path.GetFileName(path).Length);
        var stem = System.IO.Path.GetFileNameWithoutExtension(path);
        var culture = string.Empty;
        if (TemplateCultures.TrySplit(stem, out var name, out var canonical))
        {
            stem = name;
            culture = canonical;
        }

        var root = LocationInfo.InFile(path, 0, 0, 0, 0);
        XDocument document;
        try
        {
            document = XDocument.Parse(source.ToString(), LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
        }
        catch (XmlException)
        {
            return new ResourceFile(path, directory + stem, culture, false, root, EquatableArray<ResourceString>.Empty, ResourceClass.None);
        }

        if (document.Root is { } rootElement)
        {
            root = At(path, source, rootElement);
        }

        var strings = new List<ResourceString>();
        foreach (var data in document.Root?.Elements("data") ?? Enumerable.Empty<XElement>())
        {
            // Typed entries (images, files) and entries with a mimetype are not strings.
            if (data.Attribute("name")?.Value is not { } key || data.Attribute("type") is not null || data.Attribute("mimetype") is not null)
            {
                continue;
            }

            strings.Add(new ResourceString(key, data.Element("value")?.Value ?? string.Empty, At(path, source, data)));
        }

        return new ResourceFile(path, directory + stem, culture, true, root, strings.ToEquatableArray(), ResourceClass.None);
    }

    /// <summary>The element's start tag name (<c>data</c> after its <c>&lt;</c>), located by the line info XDocument keeps (1-based).</summary>
    private static LocationInfo At(string path, SourceText source, XElement element)
    {
        var info = (IXmlLineInfo)element;
        if (!info.HasLineInfo() || info.LineNumber - 1 >= source.Lines.Count)
        {
            return LocationInfo.InFile(path, 0, 0, 0, 0);
        }

        var line = info.LineNumber - 1;
        var column = info.LinePosition - 1;
        var offset = Math.Min(source.Lines[line].Start + column, source.Length);
        var length = Math.Min(element.Name.LocalName.Length, source.Length - offset);
        return LocationInfo.InFile(path, offset, line, column, length);
    }
}
