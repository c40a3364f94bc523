namespace SesMailer.Compatibility;

/// <summary>
/// One problem the report found.
/// </summary>
/// <param name="RuleId">The rule (<see cref="LintRules"/>): <c>unsafe-link</c>, <c>caniemail-unsupported</c>, ….</param>
/// <param name="Severity">The rule's severity, from the table in <see cref="LintRules.All"/>.</param>
/// <param name="Message">What is wrong and where, in one sentence.</param>
/// <param name="Clients">The caniemail clients (<c>outlook.windows</c>) that do not support the feature, or support it in part; empty for SesMailer's own checks.</param>
/// <param name="Note">caniemail's notes for those clients, or more detail; null when there is none.</param>
/// <param name="Line">The 1-based line of the HTML where it first occurs, when known.</param>
/// <param name="Url">Where to read more (the caniemail page of the feature), when there is one.</param>
public sealed record LintFinding(string RuleId, LintSeverity Severity, string Message, IReadOnlyList<string> Clients, string? Note, int? Line, string? Url)
{
    /// <summary>The caniemail feature (<c>css-border-radius</c>) of a caniemail finding; null for SesMailer's own checks.</summary>
    public string? Feature { get; init; }
}
