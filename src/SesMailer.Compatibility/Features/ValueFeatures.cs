using System.Text.RegularExpressions;

namespace SesMailer.Compatibility.Features;

/// <summary>The caniemail features of a CSS value as written: functions, units and keywords.</summary>
internal static partial class ValueFeatures
{
    public static IReadOnlyDictionary<string, string> ByFunction { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["calc"] = "css-unit-calc",
        ["clamp"] = "css-function-clamp",
        ["light-dark"] = "css-function-light-dark",
        ["max"] = "css-function-max",
        ["min"] = "css-function-min",
        ["conic-gradient"] = "css-conic-gradient",
        ["repeating-conic-gradient"] = "css-conic-gradient",
        ["linear-gradient"] = "css-linear-gradient",
        ["repeating-linear-gradient"] = "css-linear-gradient",
        ["radial-gradient"] = "css-radial-gradient",
        ["repeating-radial-gradient"] = "css-radial-gradient",
        ["rgb"] = "css-rgb",
        ["rgba"] = "css-rgba",
        ["lch"] = "css-modern-color",
        ["oklch"] = "css-modern-color",
        ["lab"] = "css-modern-color",
        ["oklab"] = "css-modern-color",
        ["var"] = "css-variables",
    };

    public static IReadOnlyDictionary<string, string> ByUnit { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ch"] = "css-unit-ch",
        ["cm"] = "css-unit-cm",
        ["em"] = "css-unit-em",
        ["ex"] = "css-unit-ex",
        ["in"] = "css-unit-in",
        ["mm"] = "css-unit-mm",
        ["pc"] = "css-unit-pc",
        ["%"] = "css-unit-percent",
        ["pt"] = "css-unit-pt",
        ["px"] = "css-unit-px",
        ["rem"] = "css-unit-rem",
        ["vh"] = "css-unit-vh",
        ["vmax"] = "css-unit-vmax",
        ["vmin"] = "css-unit-vmin",
        ["vw"] = "css-unit-vw",
    };

    public static IReadOnlyDictionary<string, string> ByKeyword { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fit-content"] = "css-intrinsic-size",
        ["min-content"] = "css-intrinsic-size",
        ["max-content"] = "css-intrinsic-size",
        ["system-ui"] = "css-sytem-ui",
        ["ui-serif"] = "css-sytem-ui",
        ["ui-sans-serif"] = "css-sytem-ui",
        ["ui-rounded"] = "css-sytem-ui",
        ["ui-monospace"] = "css-sytem-ui",
        ["initial"] = "css-unit-initial",
    };

    public static void Find(string value, FeatureHits hits, int? line)
    {
        // url(...) and strings hold file names and text, not CSS: "a.5em.png" has no unit.
        var code = Literals().Replace(value, " ").ToLowerInvariant();
        foreach (Match match in Functions().Matches(code))
        {
            if (ByFunction.TryGetValue(match.Groups["name"].Value, out var slug))
            {
                hits.Add(slug, line);
            }
        }

        foreach (Match match in Dimensions().Matches(code))
        {
            if (ByUnit.TryGetValue(match.Groups["unit"].Value, out var slug))
            {
                hits.Add(slug, line);
            }
        }

        foreach (Match match in Words().Matches(code))
        {
            if (ByKeyword.TryGetValue(match.Value, out var slug))
            {
                hits.Add(slug, line);
            }
        }
    }

    [GeneratedRegex(@"url\([^)]*\)|""(?:[^""\\]|\\.)*""|'(?:[^'\\]|\\.)*'", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Literals();

    [GeneratedRegex(@"(?<![\w-])(?<name>-?[a-z][a-z0-9-]*)\(", RegexOptions.CultureInvariant)]
    private static partial Regex Functions();

    // A number right before its unit, not inside a word or a hex colour (#1e3 is a colour, not 1 em).
    [GeneratedRegex(@"(?<![\w#.-])[+-]?(?:\d+\.?\d*|\.\d+)(?<unit>%|[a-z]+)(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex Dimensions();

    [GeneratedRegex(@"(?<![\w-])[a-z][a-z-]*(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
