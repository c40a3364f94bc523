using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Razor.Language;

namespace SesMailer.Generators.Razor;

/// <summary>
/// Takes out of SesMailer's Razor engine what never acts on its templates, each of which otherwise runs for every template
/// (profiled, issue 12): Razor's defaults serve MVC views, Razor components and the IDE as well, and SesMailer compiles
/// legacy-kind documents at run-time code generation, without tag helpers, without metadata attributes, without CSS scopes.
/// </summary>
/// <remarks>
/// Each pass removed here returns at once for such a document (design time, component file kind, tag helper nodes, a CSS
/// scope, suppressed metadata), after a walk of the document's tree in most cases: removing them changes no output, which
/// the generator's golden files and the benchmark's comparison of every generated file before and after prove.
/// </remarks>
internal static class EngineTrimming
{
    // By name: they are internal to Razor.Language (pinned at 6.0.0); a name that no longer matches removes nothing.
    private static readonly HashSet<string> NoOpPasses = new(StringComparer.Ordinal)
    {
        "Microsoft.AspNetCore.Razor.Language.Extensions.DesignTimeDirectivePass", // design time only
        "Microsoft.AspNetCore.Razor.Language.Extensions.MetadataAttributePass", // SuppressMetadataAttributes is set
        "Microsoft.AspNetCore.Razor.Language.Extensions.EliminateMethodBodyPass", // SuppressPrimaryMethodBody (tooling) only
        "Microsoft.AspNetCore.Razor.Language.Extensions.DefaultTagHelperOptimizationPass", // tag helper nodes only
        "Microsoft.AspNetCore.Razor.Language.Extensions.PreallocatedTagHelperAttributeOptimizationPass", // tag helper nodes only
        "Microsoft.AspNetCore.Razor.Language.Extensions.ViewCssScopePass", // a CSS scope, which the SDK alone sets
    };

    private const string ComponentNamespace = "Microsoft.AspNetCore.Razor.Language.Components";

    // Reports a @section nested in another, after a rewriting walk of the whole tree: a template whose text lacks the
    // word "section" declares none, so the walk finds nothing and returns the tree as it was.
    private const string SectionVerifierPass = "Microsoft.AspNetCore.Razor.Language.DefaultDirectiveSyntaxTreePass";

    /// <param name="builder">The engine being built, with Razor's defaults and SesMailer's features in place.</param>
    /// <param name="verifySections">Whether the engine keeps Razor's check for a <c>@section</c> nested in another.</param>
    public static void Apply(RazorProjectEngineBuilder builder, bool verifySections)
    {
        // Every pass of Razor components returns for a document that is not of the component file kind.
        var removed = builder.Features
            .Where(static f => f is IRazorDocumentClassifierPass or IRazorDirectiveClassifierPass or IRazorOptimizationPass
                && (NoOpPasses.Contains(f.GetType().FullName) || f.GetType().Namespace == ComponentNamespace))
            .ToList();
        foreach (var feature in removed)
        {
            builder.Features.Remove(feature);
        }

        // An engine for templates that cannot declare a section (see TemplateEngine) does without the check.
        if (!verifySections)
        {
            foreach (var verifier in builder.Features.Where(static f => f.GetType().FullName == SectionVerifierPass).ToList())
            {
                builder.Features.Remove(verifier);
            }
        }

        for (var i = 0; i < builder.Phases.Count; i++)
        {
            if (builder.Phases[i] is IRazorTagHelperBinderPhase)
            {
                builder.Phases[i] = new NoTagHelpersPhase();
            }
        }
    }

    /// <summary>
    /// Razor's tag helper binder walks each template and all its imports for <c>@addTagHelper</c> directives, to match
    /// them against the tag helpers it is given; SesMailer gives none, so no directive can match and the tree is never
    /// rewritten: this phase records the empty context the later phases read, without the walk.
    /// </summary>
    private sealed class NoTagHelpersPhase : RazorEnginePhaseBase, IRazorTagHelperBinderPhase
    {
        private static readonly TagHelperDocumentContext Empty = TagHelperDocumentContext.Create(null, Array.Empty<TagHelperDescriptor>());

        protected override void ExecuteCore(RazorCodeDocument codeDocument) => codeDocument.SetTagHelperContext(Empty);
    }
}
