using Microsoft.AspNetCore.Razor.Language;
using Microsoft.AspNetCore.Razor.Language.Intermediate;

namespace SesMailer.Generators.Razor;

/// <summary>
/// <c>@model T</c>. Razor.Language has no such directive (it belongs to ASP.NET's MVC extensions), so SesMailer
/// declares it and a pass that lifts it out of the document: the emitter then writes the base class
/// <c>EmailTemplate&lt;T&gt;</c> itself, with a <c>#line</c> that points a wrong type at the <c>@model</c> line.
/// </summary>
internal static class ModelDirective
{
    public const string ItemKey = "SesMailer.ModelDirective";

    public static readonly DirectiveDescriptor Directive = DirectiveDescriptor.CreateDirective(
        "model",
        DirectiveKind.SingleLine,
        builder =>
        {
            builder.AddTypeToken("TypeName", "The model type of the template.");
            builder.Usage = DirectiveUsage.FileScopedSinglyOccurring;
            builder.Description = "Declares the model type of the template.";
        });

    /// <summary>A directive's type as written, and where (in <paramref name="FilePath"/> when it is known, else in the template).</summary>
    public sealed record Found(string TypeName, int AbsoluteIndex, int LineIndex, int CharacterIndex, int Length, string? FilePath = null);

    /// <summary>Removes <c>@model</c> from the document and remembers its type token in the code document's items.</summary>
    public sealed class Pass : IntermediateNodePassBase, IRazorDirectiveClassifierPass
    {
        protected override void ExecuteCore(RazorCodeDocument codeDocument, DocumentIntermediateNode documentNode)
        {
            Found? found = null;
            foreach (var reference in documentNode.FindDirectiveReferences(Directive))
            {
                var node = (DirectiveIntermediateNode)reference.Node;
                foreach (var child in node.Children)
                {
                    if (child is DirectiveTokenIntermediateNode token && token.Source is { } source
                        && (found is null || source.FilePath == codeDocument.Source.FilePath))
                    {
                        found = new Found(token.Content, source.AbsoluteIndex, source.LineIndex, source.CharacterIndex, source.Length);
                    }
                }

                reference.Remove();
            }

            if (found is not null)
            {
                codeDocument.Items[ItemKey] = found;
            }
        }
    }
}
