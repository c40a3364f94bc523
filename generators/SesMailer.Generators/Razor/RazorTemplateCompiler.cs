using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.Language;
using Microsoft.AspNetCore.Razor.Language.Intermediate;
using Microsoft.CodeAnalysis.CSharp;
using SesMailer.Generators.Diagnostics;
using SesMailer.Generators.Helpers;
using SesMailer.Generators.Markup;
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

    // Characters that may start a string, character, comment or directive, inside which a brace is no brace token.
    private static readonly char[] LexicalStarts = ['"', '\'', '/', '#'];

    private static readonly Regex LayoutAssignment = new(@"\bLayout\s*=\s*""(?<name>[^""]*)""", RegexOptions.CultureInvariant);
    // A partial's model is checked against its @model when the call builds it in place: Partial("x", new T(...)).
    private static readonly Regex PartialCall = new(@"\bPartial(?:Async)?\s*\(\s*""(?<name>[^""]*)""(?:\s*,\s*new\s+(?<model>[A-Za-z_][\w.]*)\s*[({])?", RegexOptions.CultureInvariant);

    public static CompiledTemplate Compile(TemplateInput input)
    {
        var file = input.File;

        // The text of every file Razor's #line directives may name, to place mapped code at its exact column.
        var texts = new Dictionary<string, string>(StringComparer.Ordinal) { [file.Path] = file.Text };
        var source = RazorSourceDocument.Create(file.Text, new RazorSourceDocumentProperties(file.Path, file.RelativePath));
        var imports = new RazorSourceDocument[input.Imports.Count + 1];
        imports[0] = ImportTrees.Defaults(DefaultImports + NamespaceImport(input.Binding));
        for (var i = 0; i < input.Imports.Count; i++)
        {
            var import = input.Imports[i];
            imports[i + 1] = ImportTrees.For(import);
            texts[import.Path] = import.Text;
        }

        var codeDocument = TemplateEngine.Process(input.Namespace, input.ClassName, source, imports);
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

        // After a syntax error Razor's C# is not valid (an unclosed block leaves braces open, which nests whatever
        // follows and breaks every other generated file of the namespace): it is dropped, and the emitter writes
        // a class of the same name instead, so nothing but the SESM0201 is reported.
        var hasSyntaxErrors = diagnostics.Count > 0;

        var documentNode = codeDocument.GetDocumentIntermediateNode();
        // SESM04xx on the template's static markup: HTML templates of the project only (the shipped ones under _shared/
        // are checked by SesMailer.Compatibility's tests, and a consumer could not change them anyway).
        if (!hasSyntaxErrors && file.Kind == TemplateKind.Html && !file.RelativePath.StartsWith("_shared/", StringComparison.Ordinal))
        {
            MarkupChecks.Run(StaticMarkup.Extract(documentNode, file.Text, file.Path), file.Text, file.Path, diagnostics);
        }

        var usings = documentNode.FindDescendantNodes<UsingDirectiveIntermediateNode>()
            .Select(u => new TemplateUsing(u.Content, UsingLocation(u, texts)))
            .ToEquatableArray();

        var model = codeDocument.Items[ModelDirective.ItemKey] as ModelDirective.Found;
        LocationInfo? modelLocation = model is null
            ? null
            : LocationInfo.InFile(file.Path, model.AbsoluteIndex, model.LineIndex, model.CharacterIndex, model.Length);
        var baseType = ModelType(input, model, modelLocation, diagnostics);
        var inherits = codeDocument.Items[InheritsType.ItemKey] as ModelDirective.Found;
        // Razor's optimization passes remove directive nodes, so @inherits is known by what the passes left behind.
        var hasInherits = inherits is not null
            || documentNode.FindDescendantNodes<ClassDeclarationIntermediateNode>().Any(c => !string.IsNullOrEmpty(c.BaseType));
        var inheritsLocation = inherits is null
            ? null
            : LocationInfo.InFile(inherits.FilePath ?? file.Path, inherits.AbsoluteIndex, inherits.LineIndex, inherits.CharacterIndex, inherits.Length);
        var code = hasSyntaxErrors ? string.Empty : LineDirectives.Rewrite(csharp.GeneratedCode, texts);
        if (!hasSyntaxErrors && !hasInherits && file.Text.IndexOf("@functions", StringComparison.Ordinal) < 0)
        {
            code = DirectWrites.Rewrite(code);
        }

        return new CompiledTemplate(
            input.Namespace,
            file.Path,
            file.Name,
            file.Kind,
            input.ClassName,
            code,
            hasSyntaxErrors ? -1 : NamespaceEnd(code, documentNode),
            hasSyntaxErrors,
            baseType,
            modelLocation,
            hasInherits,
            inherits?.TypeName,
            inheritsLocation,
            usings,
            References(LayoutAssignment, file),
            References(PartialCall, file),
            diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// Where the namespace block of Razor's C# closes (-1 if it is not one complete block, which only C# in the
    /// template that closes braces of its own can cause, and which the compiler then reports there).
    /// </summary>
    /// <remarks>
    /// Razor's own scaffolding is balanced, so when the template's C# is too, the block closes at the last brace of
    /// the code; only the template's C# is lexed to know that, a few tokens instead of the whole file (lexing or
    /// parsing all of Razor's C# took about a fifth of a template's compilation, issue 12). Otherwise the whole code
    /// is lexed, and the first brace that brings it back to the namespace's level closes it.
    /// </remarks>
    private static int NamespaceEnd(string code, DocumentIntermediateNode documentNode)
    {
        var templateCode = new StringBuilder();
        foreach (var token in documentNode.FindDescendantNodes<IntermediateToken>())
        {
            if (token.IsCSharp)
            {
                templateCode.Append(token.Content).Append('\n');
            }
        }

        var (balanced, _) = NaiveBraces(templateCode.ToString()) ?? Braces(templateCode.ToString());
        return balanced && LastBraceBeforeTrailingPragmas(code) is var last && last >= 0
            ? last
            : Braces(code).NamespaceEnd;
    }

    /// <summary>
    /// Whether the braces of <paramref name="code"/> (lexed: none in strings, characters, comments or directives) pair
    /// up, and where the first top-level namespace block closes (-1 without exactly one namespace declared at top level).
    /// </summary>
    private static (bool Balanced, int NamespaceEnd) Braces(string code)
    {
        var depth = 0;
        var lowest = 0;
        var namespaces = 0;
        var end = -1;
        foreach (var token in SyntaxFactory.ParseTokens(code))
        {
            switch (token.Kind())
            {
                case SyntaxKind.NamespaceKeyword when depth == 0:
                    namespaces++;
                    break;
                case SyntaxKind.OpenBraceToken:
                    depth++;
                    break;
                case SyntaxKind.CloseBraceToken:
                    depth--;
                    lowest = Math.Min(lowest, depth);
                    if (depth == 0 && namespaces == 1 && end < 0)
                    {
                        end = token.SpanStart;
                    }

                    break;
            }
        }

        return (depth == 0 && lowest == 0, namespaces == 1 ? end : -1);
    }

    /// <summary>
    /// <see cref="Braces"/>'s answer for C# in which every brace character is a brace token (no string, character,
    /// comment or directive could hold one: none of <c>" ' / #</c> occurs), by counting characters instead of lexing;
    /// null for any other C#.
    /// </summary>
    private static (bool Balanced, int NamespaceEnd)? NaiveBraces(string code)
    {
        if (code.IndexOfAny(LexicalStarts) >= 0)
        {
            return null;
        }

        var depth = 0;
        var lowest = 0;
        foreach (var c in code)
        {
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth--;
                lowest = Math.Min(lowest, depth);
            }
        }

        // Template C# declares no namespace of its own here; NamespaceEnd only reads Balanced.
        return (depth == 0 && lowest == 0, -1);
    }

    /// <summary>The last <c>}</c> of Razor's C#, when only blank lines and <c>#pragma</c> lines follow it; else -1.</summary>
    private static int LastBraceBeforeTrailingPragmas(string code)
    {
        var end = code.Length;
        while (true)
        {
            var lineStart = code.LastIndexOf('\n', Math.Max(end - 1, 0)) + 1;
            var line = code.Substring(lineStart, end - lineStart).Trim();
            if (line.Length == 0 || line.StartsWith("#pragma ", StringComparison.Ordinal))
            {
                if (lineStart == 0)
                {
                    return -1;
                }

                end = lineStart - 1;
                continue;
            }

            return line == "}" ? code.LastIndexOf('}', end - 1) : -1;
        }
    }

    /// <summary>The namespace of a <c>@using</c> in the file that holds it (on the directive's line), or null for SesMailer's defaults.</summary>
    private static LocationInfo? UsingLocation(UsingDirectiveIntermediateNode node, Dictionary<string, string> texts)
    {
        if (node.Source is not { } source || source.FilePath is null || !texts.TryGetValue(source.FilePath, out var text)
            || source.AbsoluteIndex < 0 || source.AbsoluteIndex >= text.Length)
        {
            return null;
        }

        var lineEnd = text.IndexOf('\n', source.AbsoluteIndex);
        var searchEnd = lineEnd < 0 ? text.Length : lineEnd;
        var index = text.IndexOf(node.Content, source.AbsoluteIndex, searchEnd - source.AbsoluteIndex, StringComparison.Ordinal);
        if (index < 0)
        {
            return null;
        }

        var (line, column) = LineDirectives.Position(text, index);
        return LocationInfo.InFile(source.FilePath, index, line, column, node.Content.Length);
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
}
