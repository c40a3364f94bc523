using System.Text.RegularExpressions;

// Part of the rule book (src/Rules/README.md): compiled into the generator, SesMailer and SesMailer.Ses.
namespace SesMailer.Rules;

/// <summary>
/// A message's stable id: 1 to 64 characters of <c>A-Z a-z 0-9 _ -</c>, so that it is valid both as a header value
/// and as an SES tag value (which SES event notifications carry back).
/// </summary>
internal static class StableIdRule
{
    private static readonly Regex Pattern = new(@"\A[A-Za-z0-9_-]{1," + RuleLimits.StableIdLengthLimit + @"}\z", RegexOptions.CultureInvariant);

    /// <summary>Checks an id.</summary>
    public static RuleResult Check(string? id) =>
        id is not null && Pattern.IsMatch(id)
            ? RuleResult.Valid()
            : RuleResult.Broken(RuleIds.StableId,
                $"'{id}' is not a valid message id; it must be 1 to {RuleLimits.StableIdLengthLimit} characters of A-Z, a-z, 0-9, '_' and '-' (it is sent as an SES tag value).");
}
