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
/// (GenerateResource reports that itself).
/// </summary>
internal sealed record ResourceFile(string Path, string BaseName, string Culture, bool Readable, LocationInfo Root, EquatableArray<ResourceString> Strings);

/// <summary>Reads the .resx AdditionalFiles: their string entries (<c>&lt;data name="…"&gt;&lt;value&gt;…&lt;/value&gt;&lt;/data&gt;</c> without a type).</summary>
internal static class ResourceFiles
{
    public const string ResourceMetadata = "build_metadata.AdditionalFiles.SesMailerResource";

    public static ResourceFile? Read(AdditionalText text, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        if (!text.Path.EndsWith(".resx", StringComparison.OrdinalIgnoreCase)
            || !options.GetOptions(text).TryGetValue(ResourceMetadata, out var marker)
            || !string.Equals(marker, "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var source = text.GetText(cancellationToken);
        return source is null ? null : Parse(text.Path, source);
    }

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
            return new ResourceFile(path, directory + stem, culture, false, root, EquatableArray<ResourceString>.Empty);
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

        return new ResourceFile(path, directory + stem, culture, true, root, strings.ToEquatableArray());
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
