namespace SesMailer.Compatibility;

/// <summary>A row of the severity table: a rule, its severity, and what it finds.</summary>
/// <param name="Id">The rule id findings carry in <see cref="LintFinding.RuleId"/>.</param>
/// <param name="Severity">The severity of every finding of the rule.</param>
/// <param name="Description">What the rule finds, and why it matters.</param>
public sealed record LintRule(string Id, LintSeverity Severity, string Description);
