using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.Language;
using Microsoft.AspNetCore.Razor.Language.Extensions;
using Microsoft.AspNetCore.Razor.Language.Intermediate;
using SesMailer.Generators.Diagnostics;
using SesMailer.Generators.Helpers;
using SesMailer.Generators.Model;

namespace SesMailer.Generators.Razor;

/// <summary>
/// Compiles one template with Razor.Language into the C# of a class deriving from
/// <c>SesMailer.Rendering.EmailTemplate&lt;TModel&gt;</c>. No file IO: the text comes from the compiler.
/// </summary>
internal static class RazorTemplateCompiler
{
    private const string DefaultImports =
        "@using System\n" +
        "@using System.Collections.Generic\n" +
        "@using System.Linq\n" +
        "@using System.Threading.Tasks\n" +
        "@using SesMailer\n" +
        "@using SesMailer.Rendering\n";

    private static readonly Regex LayoutAssignment = new(@"\bLayout\s*=\s*""(?<name>[^""]*)""", RegexOptions.CultureInvariant);
    // A partial's model is checked against its @model when the call builds it in place: Partial("x", new T(...)).
    private static readonly Regex PartialCall = new(@"\bPartial(?:Async)?\s*\(\s*""(?<name>[^""]*)""(?:\s*,\s*new\s+(?<model>[A-Za-z_][\w.]*)\s*[({])?", RegexOptions.CultureInvariant);

    public static CompiledTemplate Compile(TemplateInput input)
    {
        var file = input.File;
        var engine = RazorProjectEngine.Create(
            RazorConfiguration.Default,
            RazorProjectFileSystem.Create("/"),
            builder =>
            {
                builder.SetNamespace(TemplateNames.GeneratedNamespace);
                builder.ConfigureClass((_, node) =>
                {
                    node.ClassName = input.ClassName;
                    node.BaseType = null;
                    node.Modifiers.Clear();
                    node.Modifiers.Add("internal");
                    node.Modifiers.Add("sealed");
                    node.Modifiers.Add("partial");
                });
                builder.AddDirective(ModelDirective.Directive);
                builder.Features.Add(new ModelDirective.Pass());
                builder.Features.Add(new CodeGenerationOptions());
                SectionDirective.Register(builder);
                FunctionsDirective.Register(builder);
                InheritsDirective.Register(builder);
            });

        var source = RazorSourceDocument.Create(file.Text, new RazorSourceDocumentProperties(file.Path, file.RelativePath));
        var imports = new List<RazorSourceDocument>
        {
            RazorSourceDocument.Create(DefaultImports + NamespaceImport(input.Binding), new RazorSourceDocumentProperties(null, null)),
        };
        foreach (var import in input.Imports)
        {
            imports.Add(RazorSourceDocument.Create(import.Text, new RazorSourceDocumentProperties(import.Path, import.RelativePath)));
        }

        var codeDocument = engine.Process(source, FileKinds.Legacy, imports, Array.Empty<TagHelperDescriptor>());
        var csharp = codeDocument.GetCSharpDocument();
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var diagnostic in csharp.Diagnostics)
        {
            if (diagnostic.Severity != RazorDiagnosticSeverity.Error)
            {
                continue;
            }

            var span = diagnostic.Span;
            var path = string.IsNullOrEmpty(span.FilePath) ? file.Path : span.FilePath;
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.RazorError,
                LocationInfo.InFile(path, Math.Max(span.AbsoluteIndex, 0), Math.Max(span.LineIndex, 0), Math.Max(span.CharacterIndex, 0), Math.Max(span.Length, 0)),
                diagnostic.GetMessage(CultureInfo.InvariantCulture),
                diagnostic.Id));
        }

        var documentNode = codeDocument.GetDocumentIntermediateNode();
        var usings = documentNode.FindDescendantNodes<UsingDirectiveIntermediateNode>().Select(u => u.Content).ToEquatableArray();
        var hasInherits = documentNode.FindDirectiveReferences(InheritsDirective.Directive).Count > 0
            || documentNode.FindDescendantNodes<ClassDeclarationIntermediateNode>().Any(c => !string.IsNullOrEmpty(c.BaseType));

        var model = codeDocument.Items[ModelDirective.ItemKey] as ModelDirective.Found;
        LocationInfo? modelLocation = model is null
            ? null
            : LocationInfo.InFile(file.Path, model.AbsoluteIndex, model.LineIndex, model.CharacterIndex, model.Length);
        var baseType = ModelType(input, model, modelLocation, diagnostics);

        return new CompiledTemplate(
            file.Path,
            file.Name,
            file.Kind,
            input.ClassName,
            LineDirectives.Rewrite(csharp.GeneratedCode, file.Text),
            baseType,
            modelLocation,
            hasInherits,
            usings,
            References(LayoutAssignment, file),
            References(PartialCall, file),
            diagnostics.ToEquatableArray());
    }

    private static string NamespaceImport(TemplateBinding? binding) =>
        binding is null || binding.ModelNamespace.Length == 0 ? string.Empty : "@using " + binding.ModelNamespace + "\n";

    /// <summary>The model type: <c>@model</c> as written, else the claiming email's type, else <c>object</c> (layouts and partials).</summary>
    private static string ModelType(TemplateInput input, ModelDirective.Found? model, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        var binding = input.Binding;
        if (model is null)
        {
            return binding?.ModelType ?? "object";
        }

        if (binding is not null && !SameType(model.TypeName, binding.ModelType))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ModelTypeMismatch, location, input.File.RelativePath, model.TypeName, Display(binding.ModelType)));
            return binding.ModelType;
        }

        return model.TypeName;
    }

    /// <summary>Whether <c>@model</c>'s text names the declared type: its simple, nested or full name (with or without <c>global::</c>).</summary>
    private static bool SameType(string written, string fullyQualified)
    {
        var full = Display(fullyQualified);
        var text = Display(written.Replace(" ", string.Empty));
        return string.Equals(full, text, StringComparison.Ordinal) || full.EndsWith("." + text, StringComparison.Ordinal);
    }

    private static string Display(string typeName) =>
        typeName.StartsWith("global::", StringComparison.Ordinal) ? typeName.Substring("global::".Length) : typeName;

    private static EquatableArray<TemplateReference> References(Regex pattern, TemplateFile file)
    {
        var result = new List<TemplateReference>();
        foreach (Match match in pattern.Matches(file.Text))
        {
            var group = match.Groups["name"];
            var (line, column) = LineDirectives.Position(file.Text, group.Index);
            var model = match.Groups["model"];
            result.Add(new TemplateReference(group.Value, LocationInfo.InFile(file.Path, group.Index, line, column, group.Length), model.Success ? model.Value : null));
        }

        return result.ToEquatableArray();
    }

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
