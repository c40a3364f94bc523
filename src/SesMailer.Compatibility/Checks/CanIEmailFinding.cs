using SesMailer.Compatibility.Clients;
using SesMailer.Compatibility.Data;

namespace SesMailer.Compatibility.Checks;

/// <summary>One finding per caniemail feature used: unsupported when any chosen client lacks it, else partial.</summary>
internal static class CanIEmailFinding
{
    public static LintFinding? For(CanIEmailFeature feature, FeatureSupport support, int? line)
    {
        if (support.Unsupported.Count == 0 && support.Partial.Count == 0)
        {
            return null;
        }

        var title = feature.Title.Trim();
        var parts = new List<string>();
        if (support.Unsupported.Count > 0)
        {
            parts.Add($"not supported by {string.Join(", ", support.Unsupported)}");
        }

        if (support.Partial.Count > 0)
        {
            parts.Add($"partly supported by {string.Join(", ", support.Partial)}");
        }

        var ruleId = support.Unsupported.Count > 0 ? LintRules.CanIEmailUnsupported : LintRules.CanIEmailPartial;
        var clients = support.Unsupported.Concat(support.Partial).Select(static c => c.ToString()).ToList();
        return new LintFinding(ruleId, LintRules.SeverityOf(ruleId), $"{title} is {string.Join("; ", parts)}.", clients, support.Note, line, feature.Url)
        {
            Feature = feature.Slug,
        };
    }
}
