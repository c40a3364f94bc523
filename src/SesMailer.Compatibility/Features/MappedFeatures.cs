using AngleSharp.Html.Dom;
using SesMailer.MarkupRules;

namespace SesMailer.Compatibility.Features;

/// <summary>Every caniemail feature SesMailer detects, and the one call that finds them all in a document.</summary>
internal static class MappedFeatures
{
    /// <summary>The slugs of every feature some detector can report.</summary>
    public static IReadOnlySet<string> Slugs { get; } = new HashSet<string>(
        HtmlFeatures.ByElement.Values
            .Concat(HtmlFeatures.ByAttribute.Values)
            .Concat(HtmlFeatures.Special)
            .Concat(ImageFeatures.ByExtension.Values)
            .Concat(ImageFeatures.Special)
            .Concat(CssPropertyFeatures.ByProperty.Values)
            .Concat(CssFeatures.Special)
            .Concat(SelectorFeatures.ByPseudo.Values)
            .Concat(SelectorFeatures.Special)
            .Concat(ValueFeatures.ByFunction.Values)
            .Concat(ValueFeatures.ByUnit.Values)
            .Concat(ValueFeatures.ByKeyword.Values),
        StringComparer.Ordinal);

    public static FeatureHits Find(IHtmlDocument document)
    {
        var hits = new FeatureHits();
        HtmlFeatures.Find(document, hits);
        ImageFeatures.Find(document, hits);
        CssFeatures.Find(document, hits);
        return hits;
    }
}
