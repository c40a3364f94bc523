using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SesMailer.Generators.Emitting;
using SesMailer.Generators.Helpers;
using SesMailer.Generators.Model;
using SesMailer.Generators.Parsing;
using SesMailer.Generators.Razor;

namespace SesMailer.Generators;

/// <summary>
/// The pipeline, and only the pipeline: [Email] types and .cshtml files in, typed C# out.
/// Parsing lives in <c>Parsing/</c> and <c>Razor/</c>, text in <c>Emitting/</c>; every step is named for tests.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class EmailGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Only files the MSBuild glue marked as SesMailer templates: in an ASP.NET Core project the other .cshtml
        // AdditionalFiles are MVC views and Razor Pages, which belong to the Razor SDK.
        var files = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => TemplateSources.Read(pair.Left, pair.Right, cancellationToken))
            .Where(static file => file is not null)
            .Select(static (file, _) => file!)
            .WithTrackingName(TrackingNames.TemplateFiles);

        // Project templates first, then shipped ones (under _shared/): the factory prefers the first of a name.
        var entries = files
            .Select(static (file, _) => new TemplateEntry(file.Path, file.RelativePath, file.Name, file.Kind, file.IsImports, TemplateNames.ClassName(file.RelativePath)))
            .Collect()
            .Select(static (all, _) => all
                .OrderBy(static e => e.RelativePath.StartsWith("_shared/", StringComparison.Ordinal) ? 1 : 0)
                .ThenBy(static e => e.RelativePath, StringComparer.Ordinal)
                .ToEquatableArray())
            .WithTrackingName(TrackingNames.TemplateEntries);

        var imports = files
            .Where(static file => file.IsImports)
            .Collect()
            .Select(static (all, _) => all.OrderBy(static f => f.RelativePath.Length).ThenBy(static f => f.RelativePath, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.Imports);

        var emails = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                EmailParser.EmailAttributeName,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (syntaxContext, cancellationToken) => EmailParser.Parse(syntaxContext, cancellationToken))
            .WithTrackingName(TrackingNames.Emails);

        var resolved = emails
            .Combine(entries)
            .Select(static (pair, _) => TemplateResolver.Resolve(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.ResolvedEmails);

        var bindings = resolved
            .Combine(entries)
            .SelectMany(static (pair, _) => TemplateResolver.Bindings(pair.Left, pair.Right))
            .Collect()
            .Select(static (all, _) => all.OrderBy(static b => b.TemplatePath, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.Bindings);

        var compiled = files
            .Where(static file => !file.IsImports)
            .Combine(imports)
            .Combine(bindings)
            .Select(static (pair, _) => CreateInput(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.TemplateInputs)
            .Select(static (input, _) => RazorTemplateCompiler.Compile(input))
            .WithTrackingName(TrackingNames.CompiledTemplates);

        context.RegisterSourceOutput(compiled, static (production, template) =>
        {
            foreach (var diagnostic in template.Diagnostics)
            {
                production.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            production.AddSource(TemplateEmitter.HintName(template), TemplateEmitter.Emit(template));
        });

        context.RegisterSourceOutput(resolved, static (production, email) =>
        {
            foreach (var diagnostic in email.Email.Diagnostics.Concat(email.Diagnostics))
            {
                production.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (email.Email.Diagnostics.Count == 0 && email.Diagnostics.Count == 0)
            {
                production.AddSource(EmailEmitter.HintName(email.Email), EmailEmitter.Emit(email));
            }
        });

        var summaries = compiled
            .Select(static (template, _) => new TemplateSummary(template.Path, template.Name, template.Kind, template.ClassName, template.BaseType, template.Layouts, template.Partials))
            .WithTrackingName(TrackingNames.TemplateSummaries)
            .Collect();

        var registry = resolved
            .Collect()
            .Combine(summaries)
            .Select(static (pair, _) => new RegistryInput(
                pair.Left.OrderBy(static e => e.Email.Name, StringComparer.Ordinal).ThenBy(static e => e.Email.FullyQualifiedType, StringComparer.Ordinal).ToEquatableArray(),
                pair.Right.OrderBy(static t => t.ClassName.StartsWith(TemplateNames.SharedClassPrefix, StringComparison.Ordinal) ? 1 : 0).ThenBy(static t => t.ClassName, StringComparer.Ordinal).ToEquatableArray()))
            .WithTrackingName(TrackingNames.Registry);

        context.RegisterSourceOutput(registry, static (production, input) =>
        {
            var emailsToEmit = input.Emails.Where(static e => e.Email.Diagnostics.Count == 0 && e.Diagnostics.Count == 0).ToList();
            foreach (var diagnostic in CrossChecks.Run(input.Emails, input.Templates))
            {
                production.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            production.AddSource(RegistryEmitter.HintName, RegistryEmitter.Emit(emailsToEmit, input.Templates));
        });
    }

    private static TemplateInput CreateInput(TemplateFile file, EquatableArray<TemplateFile> imports, EquatableArray<TemplateBinding> bindings)
    {
        // _ViewImports.cshtml files of the template's folder and its ancestors, outermost first (shipped templates get none).
        var folder = TemplateNames.Folder(file.RelativePath);
        var applicable = file.RelativePath.StartsWith("_shared/", StringComparison.Ordinal)
            ? EquatableArray<TemplateFile>.Empty
            : imports.Where(i => folder.StartsWith(TemplateNames.Folder(i.RelativePath), StringComparison.OrdinalIgnoreCase)).ToEquatableArray();
        var binding = bindings.FirstOrDefault(b => b.TemplatePath == file.Path);
        return new TemplateInput(file, applicable, binding, TemplateNames.ClassName(file.RelativePath));
    }

    /// <summary>The input of the assembly-wide output.</summary>
    private sealed record RegistryInput(EquatableArray<ResolvedEmail> Emails, EquatableArray<TemplateSummary> Templates);
}
