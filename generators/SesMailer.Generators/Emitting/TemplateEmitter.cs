using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using SesMailer.Generators.Helpers;
using SesMailer.Generators.Model;

namespace SesMailer.Generators.Emitting;

/// <summary>
/// Writes one compiled template: Razor's class (which carries its own <c>#line</c> mappings to the .cshtml) and
/// a partial declaration that supplies the base type, mapped to the <c>@model</c> line so that a wrong type is
/// reported there, and switches text templates to unencoded output.
/// </summary>
/// <remarks>
/// The partial declaration goes inside the namespace block Razor wrote, after Razor's class: the usings there
/// (each mapped to its <c>@using</c>) then resolve the <c>@model</c> type. A copy of them in a block of its own would
/// report a bad <c>@using</c> a second time, inside the generated file.
/// </remarks>
internal static class TemplateEmitter
{
    // The source of each compiled template written so far, by instance: a template that comes from the store of
    // compiled templates (Razor/CompiledTemplates.cs) is the same instance in the next build, and its text is the same.
    private static readonly ConditionalWeakTable<CompiledTemplate, SourceText> Sources = new();

    public static string HintName(CompiledTemplate template) => "Templates/" + template.ClassName + ".g.cs";

    /// <summary>The generated source of <paramref name="template"/> (what <c>AddSource</c> makes of <see cref="Emit"/>'s text).</summary>
    public static SourceText Source(CompiledTemplate template) =>
        Sources.GetValue(template, static t => SourceText.From(Emit(t), Encoding.UTF8));

    public static string Emit(CompiledTemplate template)
    {
        var writer = GeneratedCode.NewFile();
        if (template.HasSyntaxErrors)
        {
            WriteStandIn(writer, template);
        }
        else if (template.ClassPartOffset >= 0)
        {
            // Razor's output switches the nullable context itself around mapped template code.
            writer.Raw(template.GeneratedCode.Substring(0, template.ClassPartOffset));
            writer.Line();
            writer.Indent();
            WriteClassPart(writer, template);
            writer.Outdent();
            writer.Raw(template.GeneratedCode.Substring(template.ClassPartOffset));
        }
        else
        {
            // The template's own C# closed Razor's braces (the compiler reports that at the template); a block of
            // its own keeps this part well-formed, without usings that would repeat errors.
            writer.Raw(template.GeneratedCode);
            writer.Line("namespace " + template.Namespace);
            writer.OpenBrace();
            WriteClassPart(writer, template);
            writer.CloseBrace();
        }

        return writer.ToString();
    }

    /// <summary>The part of the class that supplies its base type and its <see cref="Model.TemplateKind"/>.</summary>
    private static void WriteClassPart(SourceWriter writer, CompiledTemplate template)
    {
        writer.Line(GeneratedCode.Attribute);
        // A template Razor could not parse has no @inherits class of its own: its stand-in takes the usual base type.
        if (template.HasInherits && !template.HasSyntaxErrors)
        {
            if (template.InheritsType is { } inherits && template.InheritsLocation is { } inheritsLocation)
            {
                writer.Line("partial class " + template.ClassName + " :");
                writer.Raw(SpanDirective(inheritsLocation, 1));
                writer.Raw(" " + inherits);
                writer.Raw("#line default");
            }
            else
            {
                writer.Line("partial class " + template.ClassName);
            }
        }
        else
        {
            writer.Line("partial class " + template.ClassName + " : global::SesMailer.Rendering.EmailTemplate<");
            if (template.ModelLocation is { } location)
            {
                // A span directive maps the type to its exact place on the @model line; the offset counts the
                // characters before the mapped text on the next line (one space here).
                writer.Raw(SpanDirective(location, 1));
                writer.Raw(" " + template.BaseType);
                writer.Raw("#line default");
            }
            else
            {
                writer.Line("    " + template.BaseType);
            }

            writer.Line("    >");
        }

        writer.OpenBrace();
        writer.Line("/// <inheritdoc />");
        writer.Line("public override global::SesMailer.Rendering.TemplateKind Kind => global::SesMailer.Rendering.TemplateKind." + template.Kind + ";");
        writer.CloseBrace();
    }

    /// <summary>
    /// The class of a template Razor could not parse, in place of Razor's invalid C#. The registry and the email's
    /// <c>Render</c> method name the class, so it must exist for the build to report the SESM0201 alone; its body
    /// never runs unless SESM0201 was configured away, and then it fails loudly instead of rendering half a template.
    /// Razor's usings went with its C#, so the stand-in writes them, each mapped to its <c>@using</c> as Razor would.
    /// </summary>
    private static void WriteStandIn(SourceWriter writer, CompiledTemplate template)
    {
        writer.Line("namespace " + template.Namespace);
        writer.OpenBrace();
        foreach (var import in template.Usings)
        {
            if (import.Location is { } location)
            {
                writer.Raw(SpanDirective(location, "using ".Length));
                writer.Raw("using " + import.Namespace + ";");
                writer.Raw("#line default");
            }
            else
            {
                writer.Line("using " + import.Namespace + ";");
            }
        }

        writer.Line("internal sealed partial class " + template.ClassName);
        writer.OpenBrace();
        writer.Line("/// <inheritdoc />");
        writer.Line("public override global::System.Threading.Tasks.Task ExecuteAsync() =>");
        writer.Line("    throw new global::System.InvalidOperationException(" + SourceWriter.Literal(
            "The template '" + template.Path + "' has Razor syntax errors (SESM0201) and was not compiled; fix the syntax the build reported.") + ");");
        writer.CloseBrace();
        writer.Line();
        WriteClassPart(writer, template);
        writer.CloseBrace();
    }

    /// <summary>
    /// <c>#line (line,col)-(line,col) offset "file"</c> for <paramref name="location"/>. The file name is written as Razor
    /// writes it in its own directives (C# does not unescape #line file names).
    /// </summary>
    private static string SpanDirective(LocationInfo location, int offset) => string.Format(
        CultureInfo.InvariantCulture,
        "#line ({0},{1})-({2},{3}) {4} {5}",
        location.StartLine + 1,
        location.StartColumn + 1,
        location.EndLine + 1,
        location.EndColumn + 1,
        offset,
        "\"" + location.FilePath + "\"");
}
