namespace SesMailer.Compatibility.Checks;

/// <summary>Builds the findings of SesMailer's own checks, with the severity of the table.</summary>
internal static class Finding
{
    public static LintFinding Own(string ruleId, string message, int? line, string? note = null) =>
        new(ruleId, LintRules.SeverityOf(ruleId), message, [], note, line, null);
}
