using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Razor.Language;
using SesMailer.Generators.Model;

namespace SesMailer.Generators.Razor;

/// <summary>
/// Parses each import document (SesMailer's default <c>@using</c>s, a <c>_ViewImports.cshtml</c>) once, not once
/// per template under it. Razor's own parsing phase parses every import of every document again: with the default
/// usings that was about as much text as a small template itself (profiled, issue 12). This phase takes its place,
/// parses the template as Razor does, and reuses the tree of an import document it has seen.
/// </summary>
/// <remarks>
/// A syntax tree is immutable and the later phases only read import trees, so one tree serves every template.
/// The documents are the keys: <see cref="Defaults"/> and <see cref="For(TemplateFile)"/> hand out one document per
/// text, and a tree is released with its document.
/// </remarks>
internal static class ImportTrees
{
    private static readonly ConditionalWeakTable<RazorSourceDocument, RazorSyntaxTree> Trees = new();

    // One per distinct text (SesMailer's defaults plus a model's namespace): a handful per project.
    private static readonly ConcurrentDictionary<string, RazorSourceDocument> DefaultDocuments = new(System.StringComparer.Ordinal);

    // A _ViewImports.cshtml file of this run (the same TemplateFile instance reaches every template under it).
    private static readonly ConditionalWeakTable<TemplateFile, RazorSourceDocument> FileDocuments = new();

    /// <summary>The document of SesMailer's default imports with this text (it names no file).</summary>
    public static RazorSourceDocument Defaults(string text) =>
        DefaultDocuments.GetOrAdd(text, static t => RazorSourceDocument.Create(t, new RazorSourceDocumentProperties(null, null)));

    /// <summary>The document of a <c>_ViewImports.cshtml</c>.</summary>
    public static RazorSourceDocument For(TemplateFile import) =>
        FileDocuments.GetValue(import, static i => RazorSourceDocument.Create(i.Text, new RazorSourceDocumentProperties(i.Path, i.RelativePath)));

    /// <summary>Puts the caching parsing phase in place of Razor's.</summary>
    public static void Register(RazorProjectEngineBuilder builder)
    {
        for (var i = 0; i < builder.Phases.Count; i++)
        {
            if (builder.Phases[i] is IRazorParsingPhase)
            {
                builder.Phases[i] = new ParsingPhase();
                return;
            }
        }

        throw new System.InvalidOperationException("Razor's engine has no parsing phase to replace.");
    }

    private sealed class ParsingPhase : RazorEnginePhaseBase, IRazorParsingPhase
    {
        protected override void ExecuteCore(RazorCodeDocument codeDocument)
        {
            // The project engine sets the options on every document it creates, the same for all of them here (one
            // file kind, no per-document settings): a cached import tree is the tree Razor would have built.
            var options = codeDocument.GetParserOptions()
                ?? throw new System.InvalidOperationException("Razor's project engine set no parser options on the document.");
            codeDocument.SetSyntaxTree(RazorSyntaxTree.Parse(codeDocument.Source, options));

            var imports = new RazorSyntaxTree[codeDocument.Imports.Count];
            for (var i = 0; i < imports.Length; i++)
            {
                imports[i] = Trees.GetValue(codeDocument.Imports[i], document => RazorSyntaxTree.Parse(document, options));
            }

            codeDocument.SetImportSyntaxTrees(imports);
        }
    }
}
