using System.Text.RegularExpressions;

// Part of the rule book (src/Rules/README.md): compiled into the generator, SesMailer and SesMailer.Ses.
namespace SesMailer.Rules;

/// <summary>An SES configuration set name: 1 to 64 characters of <c>A-Z a-z 0-9 _ -</c>.</summary>
internal static class ConfigurationSetRule
{
    // \z, not $: '$' also matches before a final "\n".
    private static readonly Regex Pattern = new(@"\A[A-Za-z0-9_-]{1," + RuleLimits.ConfigurationSetNameLengthLimit + @"}\z", RegexOptions.CultureInvariant);

    /// <summary>Checks a configuration set name; <see langword="null"/> (no configuration set) is valid.</summary>
    public static RuleResult Check(string? name) =>
        name is null || Pattern.IsMatch(name)
            ? RuleResult.Valid()
            : RuleResult.Broken(RuleIds.ConfigurationSetName,
                $"'{name}' is not a valid configuration set name; use 1 to {RuleLimits.ConfigurationSetNameLengthLimit} characters of A-Z, a-z, 0-9, '_' and '-'.");
}
