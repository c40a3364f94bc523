using System;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Razor.Language;
using Microsoft.AspNetCore.Razor.Language.Extensions;

namespace SesMailer.Generators.Razor;

/// <summary>
/// The Razor engine that compiles templates: built once per generated namespace (one per project) and shared by
/// every template of it, instead of once per template. Building an engine registers every default feature and
/// phase of Razor, which cost about a tenth of a template's compilation (profiled, issue 12). The only thing that
/// differs between templates, the class name, is handed to the engine per document on the compiling thread.
/// </summary>
/// <remarks>
/// A built engine holds no per-document state (Razor's own tooling shares one across documents and threads), and the
/// compiler server keeps the generator loaded across builds, so an engine also serves the next build of the project.
/// </remarks>
internal static class TemplateEngine
{
    // Bounded by the projects one compiler server builds; an engine is a few kilobytes of feature objects.
    private static readonly ConcurrentDictionary<string, RazorProjectEngine> Engines = new(StringComparer.Ordinal);

    // The document this thread is compiling and its class name: Razor runs a document's phases on the calling thread,
    // so the class configuration reads them there (a weak table keyed by document cost a few percent of a template).
    [ThreadStatic]
    private static RazorSourceDocument? _currentSource;

    [ThreadStatic]
    private static string? _currentClassName;

    /// <summary>Runs Razor on <paramref name="source"/>, whose class is named <paramref name="className"/>, in <paramref name="generatedNamespace"/>.</summary>
    public static RazorCodeDocument Process(string generatedNamespace, string className, RazorSourceDocument source, RazorSourceDocument[] imports)
    {
        _currentSource = source;
        _currentClassName = className;
        try
        {
            return Engines.GetOrAdd(generatedNamespace, Create)
                .Process(source, FileKinds.Legacy, imports, Array.Empty<TagHelperDescriptor>());
        }
        finally
        {
            _currentSource = null;
            _currentClassName = null;
        }
    }

    private static RazorProjectEngine Create(string generatedNamespace) => RazorProjectEngine.Create(
        RazorConfiguration.Default,
        RazorProjectFileSystem.Create("/"),
        builder =>
        {
            builder.SetNamespace(generatedNamespace);
            builder.ConfigureClass((codeDocument, node) =>
            {
                node.ClassName = ReferenceEquals(codeDocument.Source, _currentSource) && _currentClassName is { } className ? className : node.ClassName;
                node.BaseType = null;
                node.Modifiers.Clear();
                node.Modifiers.Add("internal");
                node.Modifiers.Add("sealed");
                node.Modifiers.Add("partial");
            });
            builder.AddDirective(ModelDirective.Directive);
            builder.Features.Add(new ModelDirective.Pass());
            builder.Features.Add(new CodeGenerationOptions());
            // @functions and @inherits come with Razor's defaults (language version 3.0 and later); only @section does not.
            SectionDirective.Register(builder);
            builder.Features.Add(new InheritsType.Pass());
            ImportTrees.Register(builder);
        });

    /// <summary>No ASP.NET metadata attributes or checksums: the output must compile against SesMailer alone.</summary>
    private sealed class CodeGenerationOptions : RazorEngineFeatureBase, IConfigureRazorCodeGenerationOptionsFeature
    {
        public int Order => 100;

        public void Configure(RazorCodeGenerationOptionsBuilder options)
        {
            options.SuppressMetadataAttributes = true;
            options.SuppressChecksum = true;
        }
    }
}
