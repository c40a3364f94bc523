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
using SesMailer.Generators.Resources;

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
        // Equal for every compilation of one project, so the steps that use it stay cached.
        var generatedNamespace = context.CompilationProvider
            .Select(static (compilation, _) => TemplateNames.GeneratedNamespace(compilation.AssemblyName ?? "Assembly"))
            .WithTrackingName(TrackingNames.GeneratedNamespace);

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
            .Select(static (file, _) => new TemplateEntry(file.Path, file.RelativePath, file.Name, file.Kind, file.IsImports, string.Empty))
            .Collect()
            .Select(static (all, _) => TemplateNames.AssignClassNames(all))
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

        var resourceFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ResourceFiles.Read(pair.Left, pair.Right, cancellationToken))
            .Where(static file => file is not null)
            .Select(static (file, _) => file!)
            .WithTrackingName(TrackingNames.ResourceFiles)
            .Collect();

        // A subject from a .resx ([Email(SubjectResource = …)]) is checked against the model once its neutral string is
        // known, which takes the model's symbol again: only those emails join the compilation, the others stay cached.
        var resourceSubjects = emails
            .Where(static email => email.Subject.Resource is not null)
            .Combine(resourceFiles)
            .Combine(context.CompilationProvider)
            .Select(static (pair, _) => ResourceSubjects.Resolve(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.ResourceSubjects)
            .Collect();

        var withSubjects = emails
            .Combine(resourceSubjects)
            .Select(static (pair, _) => ResourceSubjects.Apply(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.EmailSubjects);

        var resolved = withSubjects
            .Combine(entries)
            .Combine(generatedNamespace)
            .Select(static (pair, _) => TemplateResolver.Resolve(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.ResolvedEmails);

        var bindings = resolved
            .Combine(entries)
            .SelectMany(static (pair, _) => TemplateResolver.Bindings(pair.Left, pair.Right))
            .Collect()
            .Select(static (all, _) => all.OrderBy(static b => b.TemplatePath, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.Bindings);

        var unclaimedLocalized = resolved
            .Collect()
            .Combine(entries)
            .Select(static (pair, _) => TemplateResolver.UnclaimedLocalized(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.UnclaimedLocalized);
        context.RegisterSourceOutput(unclaimedLocalized, static (production, diagnostics) =>
        {
            foreach (var diagnostic in diagnostics)
            {
                production.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        // .resx files (marked SesMailerResource by the glue): each culture's strings checked against the neutral ones.
        var resourceDiagnostics = resourceFiles
            .Select(static (all, _) => ResourceChecks.Run(all))
            .WithTrackingName(TrackingNames.ResourceDiagnostics);
        context.RegisterSourceOutput(resourceDiagnostics, static (production, diagnostics) =>
        {
            foreach (var diagnostic in diagnostics)
            {
                production.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        var compiled = files
            .Where(static file => !file.IsImports)
            .Combine(imports)
            .Combine(bindings)
            .Combine(entries)
            .Combine(generatedNamespace)
            .Select(static (pair, _) => CreateInput(pair.Left.Left.Left.Left, pair.Left.Left.Left.Right, pair.Left.Left.Right, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.TemplateInputs)
            .Select(static (input, _) => CompiledTemplates.Get(input))
            .WithTrackingName(TrackingNames.CompiledTemplates);

        context.RegisterSourceOutput(compiled, static (production, template) =>
        {
            foreach (var diagnostic in template.OwnDiagnostics())
            {
                production.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            production.AddSource(TemplateEmitter.HintName(template), TemplateEmitter.Source(template));
        });

        // A syntax error in a _ViewImports.cshtml comes back with every template under it: each is reported once.
        // Always one (usually empty) batch, not zero-or-one: a step that filters down to nothing loses its tracking
        // (dotnet/roslyn#62468), and the incremental tests check this one.
        var importDiagnostics = compiled
            .Select(static (template, _) => template.ImportDiagnostics())
            .Collect()
            .Select(static (all, _) => all.SelectMany(static d => d).Distinct().ToEquatableArray())
            .WithTrackingName(TrackingNames.ImportDiagnostics);
        context.RegisterSourceOutput(importDiagnostics, static (production, diagnostics) =>
        {
            foreach (var diagnostic in diagnostics)
            {
                production.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        // Two outputs per email (as System.Text.Json's generator does): sources from the cached models alone, and
        // diagnostics joined with the compilation only for emails that have some, to locate them in real syntax trees.
        context.RegisterSourceOutput(resolved, static (production, email) =>
        {
            if (email.Email.Diagnostics.Count == 0 && email.Diagnostics.Count == 0)
            {
                production.AddSource(EmailEmitter.HintName(email.Email), EmailEmitter.Emit(email));
            }
        });

        var emailDiagnostics = resolved
            .Select(static (email, _) => email.Email.Diagnostics.Concat(email.Diagnostics).ToEquatableArray())
            .Where(static diagnostics => diagnostics.Count > 0)
            .Combine(context.CompilationProvider);
        context.RegisterSourceOutput(emailDiagnostics, static (production, pair) =>
        {
            foreach (var diagnostic in pair.Left)
            {
                production.ReportDiagnostic(diagnostic.ToDiagnostic(pair.Right));
            }
        });

        // [EmailPreview] members: each checked on its own, then listed with its email in the registry.
        var previews = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                PreviewParser.PreviewAttributeName,
                static (node, _) => node is MethodDeclarationSyntax or PropertyDeclarationSyntax,
                static (syntaxContext, cancellationToken) => PreviewParser.Parse(syntaxContext, cancellationToken))
            .WithTrackingName(TrackingNames.Previews);

        var previewDiagnostics = previews
            .Select(static (preview, _) => preview.Diagnostics)
            .Where(static diagnostics => diagnostics.Count > 0)
            .Combine(context.CompilationProvider);
        context.RegisterSourceOutput(previewDiagnostics, static (production, pair) =>
        {
            foreach (var diagnostic in pair.Left)
            {
                production.ReportDiagnostic(diagnostic.ToDiagnostic(pair.Right));
            }
        });

        var summaries = compiled
            .Select(static (template, _) => new TemplateSummary(template.Path, template.Name, template.Kind, template.ClassName, template.BaseType, template.Layouts, template.Partials))
            .WithTrackingName(TrackingNames.TemplateSummaries)
            .Collect();

        var validPreviews = previews
            .Where(static preview => preview.Diagnostics.Count == 0 && preview.EmailType is not null)
            .Collect()
            .Select(static (all, _) => all.OrderBy(static p => p.EmailType, StringComparer.Ordinal).ThenBy(static p => p.Name, StringComparer.Ordinal).ThenBy(static p => p.Invocation, StringComparer.Ordinal).ToEquatableArray());

        var registry = resolved
            .Collect()
            .Combine(summaries)
            .Combine(generatedNamespace)
            .Combine(validPreviews)
            .Select(static (input, _) => new RegistryInput(
                input.Left.Right,
                input.Left.Left.Left.OrderBy(static e => e.Email.Name, StringComparer.Ordinal).ThenBy(static e => e.Email.FullyQualifiedType, StringComparer.Ordinal).ToEquatableArray(),
                input.Left.Left.Right.OrderBy(static t => t.ClassName.StartsWith(TemplateNames.SharedClassPrefix, StringComparison.Ordinal) ? 1 : 0).ThenBy(static t => t.ClassName, StringComparer.Ordinal).ToEquatableArray(),
                input.Right))
            .WithTrackingName(TrackingNames.Registry);

        context.RegisterSourceOutput(registry, static (production, input) =>
        {
            // The analyzer also reaches projects that only reference SesMailer transitively (a test project of a
            // library with emails): with nothing declared, write nothing, so no empty registry clashes with the
            // library's own internal types (CS0436 through InternalsVisibleTo).
            if (input.Emails.Count == 0 && input.Templates.Count == 0)
            {
                return;
            }

            var emailsToEmit = input.Emails.Where(static e => e.Email.Diagnostics.Count == 0 && e.Diagnostics.Count == 0).ToList();
            foreach (var duplicate in RegistryEmitter.DuplicatePreviews(input.Emails, input.Previews))
            {
                production.ReportDiagnostic(duplicate.ToDiagnostic());
            }

            production.AddSource(RegistryEmitter.HintName, RegistryEmitter.Emit(input.Namespace, emailsToEmit, input.Templates, input.Previews));
        });

        // Zero or one batch: nothing joins the compilation while every layout, partial and name checks out.
        var crossDiagnostics = registry
            .SelectMany(static (input, _) => CrossChecks.Run(input.Emails, input.Templates).ToEquatableArray() is { Count: > 0 } found
                ? ImmutableArray.Create(found)
                : ImmutableArray<EquatableArray<DiagnosticInfo>>.Empty)
            .Combine(context.CompilationProvider);
        context.RegisterSourceOutput(crossDiagnostics, static (production, pair) =>
        {
            foreach (var diagnostic in pair.Left)
            {
                production.ReportDiagnostic(diagnostic.ToDiagnostic(pair.Right));
            }
        });
    }

    private static TemplateInput CreateInput(TemplateFile file, EquatableArray<TemplateFile> imports, EquatableArray<TemplateBinding> bindings, EquatableArray<TemplateEntry> entries, string generatedNamespace)
    {
        // _ViewImports.cshtml files of the template's folder and its ancestors, outermost first (shipped templates get none).
        var folder = TemplateNames.Folder(file.RelativePath);
        var applicable = file.RelativePath.StartsWith("_shared/", StringComparison.Ordinal)
            ? EquatableArray<TemplateFile>.Empty
            : imports.Where(i => folder.StartsWith(TemplateNames.Folder(i.RelativePath), StringComparison.OrdinalIgnoreCase)).ToEquatableArray();
        var binding = bindings.FirstOrDefault(b => b.TemplatePath == file.Path);
        var className = entries.First(e => e.Path == file.Path).ClassName;
        return new TemplateInput(file, applicable, binding, className, generatedNamespace);
    }

    /// <summary>The input of the assembly-wide output.</summary>
    private sealed record RegistryInput(string Namespace, EquatableArray<ResolvedEmail> Emails, EquatableArray<TemplateSummary> Templates, EquatableArray<PreviewSpec> Previews);
}
