using System.Text.RegularExpressions;

// Part of the rule book (src/Rules/README.md): compiled into the generator, SesMailer and SesMailer.Ses.
namespace SesMailer.Rules;

/// <summary>
/// The Content-ID of an inline image, as the HTML refers to it (<c>cid:logo</c>): printable ASCII without spaces,
/// quotes, parentheses, angle or square brackets or backslashes, so it can be written inside <c>&lt;…&gt;</c> as is.
/// </summary>
internal static class ContentIdRule
{
    // \z, not $: '$' also matches before a final "\n".
    private static readonly Regex Pattern = new(@"\A[!#-'*-;=?-Z^-~]{1," + RuleLimits.ContentIdLengthLimit + @"}\z", RegexOptions.CultureInvariant);

    /// <summary>Checks a Content-ID; <see langword="null"/> is invalid (an inline image needs one).</summary>
    public static RuleResult Check(string? contentId) =>
        contentId is not null && Pattern.IsMatch(contentId)
            ? RuleResult.Valid()
            : RuleResult.Broken(RuleIds.CidResolves,
                $"an inline image needs a Content-ID of 1 to {RuleLimits.ContentIdLengthLimit} printable ASCII characters without spaces, quotes or angle brackets " +
                $"(found '{contentId}'); the HTML refers to it as cid:<ContentId>.");
}
