using Microsoft.AspNetCore.Razor.Language;
using Microsoft.AspNetCore.Razor.Language.Extensions;
using Microsoft.AspNetCore.Razor.Language.Intermediate;

namespace SesMailer.Generators.Razor;

/// <summary>
/// <c>@inherits T</c>. Razor writes T into its class declaration without a <c>#line</c>, so a wrong type would be
/// reported inside the generated file. This pass runs after Razor's own and takes the type back out of the class:
/// the emitter writes it in its part of the class instead, mapped to the <c>@inherits</c> line (as for <c>@model</c>).
/// </summary>
internal static class InheritsType
{
    public const string ItemKey = "SesMailer.InheritsType";

    /// <summary>Moves the base type Razor took from <c>@inherits</c> into the code document's items, with where it is written.</summary>
    public sealed class Pass : IntermediateNodePassBase, IRazorDirectiveClassifierPass
    {
        // After Razor's InheritsDirectivePass (order 0), which sets the class's base type.
        public override int Order => 100;

        protected override void ExecuteCore(RazorCodeDocument codeDocument, DocumentIntermediateNode documentNode)
        {
            var @class = documentNode.FindPrimaryClass();
            if (@class is null || string.IsNullOrEmpty(@class.BaseType))
            {
                return;
            }

            foreach (var reference in documentNode.FindDirectiveReferences(InheritsDirective.Directive))
            {
                foreach (var child in ((DirectiveIntermediateNode)reference.Node).Children)
                {
                    if (child is DirectiveTokenIntermediateNode token && token.Content == @class.BaseType && token.Source is { } source)
                    {
                        codeDocument.Items[ItemKey] = new ModelDirective.Found(token.Content, source.AbsoluteIndex, source.LineIndex, source.CharacterIndex, source.Length, source.FilePath);
                        @class.BaseType = null;
                        return;
                    }
                }
            }
        }
    }
}
