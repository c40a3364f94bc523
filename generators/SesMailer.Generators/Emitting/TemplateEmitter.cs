using SesMailer.Generators.Helpers;
using SesMailer.Generators.Model;
using SesMailer.Generators.Razor;

namespace SesMailer.Generators.Emitting;

/// <summary>
/// Writes one compiled template: Razor's class (which carries its own <c>#line</c> mappings to the .cshtml) and
/// a partial declaration that supplies the base type, mapped to the <c>@model</c> line so that a wrong type is
/// reported there, and switches text templates to unencoded output.
/// </summary>
internal static class TemplateEmitter
{
    public static string HintName(CompiledTemplate template) => "Templates/" + template.ClassName + ".g.cs";

    public static string Emit(CompiledTemplate template)
    {
        var writer = GeneratedCode.NewFile();
        // Razor's output switches the nullable context itself around mapped template code.
        writer.Raw(template.GeneratedCode);
        writer.Line();
        writer.Line("namespace " + TemplateNames.GeneratedNamespace);
        writer.OpenBrace();
        foreach (var import in template.Usings)
        {
            writer.Line("using " + import + ";");
        }

        writer.Line(GeneratedCode.Attribute);
        if (template.HasInherits)
        {
            writer.Line("partial class " + template.ClassName);
        }
        else
        {
            writer.Line("partial class " + template.ClassName + " : global::SesMailer.Rendering.EmailTemplate<");
            if (template.ModelLocation is { } location)
            {
                // A span directive maps the type to its exact place on the @model line; the offset counts the
                // characters before the mapped text on the next line (one space here).
                writer.Raw(string.Format(
                    System.Globalization.CultureInfo.InvariantCulture,
                    "#line ({0},{1})-({2},{3}) 1 {4}",
                    location.StartLine + 1,
                    location.StartColumn + 1,
                    location.EndLine + 1,
                    location.EndColumn + 1,
                    SourceWriter.Literal(location.FilePath)));
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
        writer.CloseBrace();
        return writer.ToString();
    }
}
