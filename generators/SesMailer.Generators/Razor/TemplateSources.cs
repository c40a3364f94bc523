using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SesMailer.Generators.Model;

namespace SesMailer.Generators.Razor;

/// <summary>
/// Recognises the AdditionalFiles that are SesMailer templates, by the metadata the MSBuild glue sets
/// (<c>SesMailerTemplate="true"</c>). In ASP.NET Core projects the glue hands the compiler a copy under obj/
/// (the Razor SDK would otherwise compile every .cshtml AdditionalFile as an MVC view); <c>SesMailerSourcePath</c>
/// then names the original, which is where <c>#line</c> directives and diagnostics point.
/// </summary>
internal static class TemplateSources
{
    public const string TemplateMetadata = "build_metadata.AdditionalFiles.SesMailerTemplate";
    public const string SourcePathMetadata = "build_metadata.AdditionalFiles.SesMailerSourcePath";

    public static TemplateFile? Read(AdditionalText text, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        var fileOptions = options.GetOptions(text);
        if (!fileOptions.TryGetValue(TemplateMetadata, out var marker) || !string.Equals(marker, "true", System.StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var path = fileOptions.TryGetValue(SourcePathMetadata, out var source) && source.Length > 0 ? source : text.Path;
        if (!TemplateNames.IsTemplate(path))
        {
            return null;
        }

        var projectDirectory =
            options.GlobalOptions.TryGetValue("build_property.projectdir", out var directory) && directory.Length > 0 ? directory
            : options.GlobalOptions.TryGetValue("build_property.msbuildprojectdirectory", out directory) ? directory
            : string.Empty;
        return TemplateNames.Describe(path, projectDirectory, text.GetText(cancellationToken)?.ToString() ?? string.Empty);
    }
}
