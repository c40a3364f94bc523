using AngleSharp.Dom;

namespace SesMailer.Compatibility.Features;

/// <summary>
/// The 1-based source line of a node: an element's own (the parser keeps source references), else its parent
/// element's; null for elements the parser made up (an implied <c>&lt;body&gt;</c>) and for nodes outside any element.
/// </summary>
internal static class Lines
{
    public static int? Of(INode node) => node switch
    {
        IElement { SourceReference: { } reference } => reference.Position.Line,
        IElement => null,
        _ => node.ParentElement is { } parent ? Of(parent) : null,
    };
}
