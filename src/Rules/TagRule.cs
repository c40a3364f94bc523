using System.Text.RegularExpressions;

// Part of the rule book (src/Rules/README.md): compiled into the generator, SesMailer and SesMailer.Ses.
namespace SesMailer.Rules;

/// <summary>An SES message tag's name or value: 1 to 256 characters of <c>A-Z a-z 0-9 _ -</c>.</summary>
internal static class TagRule
{
    // \z, not $: '$' also matches before a final "\n", which would let "value\n" through.
    private static readonly Regex Pattern = new(@"\A[A-Za-z0-9_-]{1," + RuleLimits.TagLengthLimit + @"}\z", RegexOptions.CultureInvariant);

    /// <summary>Checks one part of a tag.</summary>
    /// <param name="text">The name or the value.</param>
    /// <param name="part"><c>name</c> or <c>value</c>, for the message.</param>
    public static RuleResult Check(string? text, string part) =>
        text is not null && Pattern.IsMatch(text)
            ? RuleResult.Valid()
            : RuleResult.Broken(RuleIds.TagCharset,
                $"'{text}' is not a valid SES tag {part}; names and values must be 1 to {RuleLimits.TagLengthLimit} characters of A-Z, a-z, 0-9, '_' and '-'.");
}
