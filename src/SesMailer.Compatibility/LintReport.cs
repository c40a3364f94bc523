namespace SesMailer.Compatibility;

/// <summary>What <see cref="EmailLinter.Check"/> found in one email.</summary>
public sealed class LintReport
{
    internal LintReport(IReadOnlyList<LintFinding> findings, IReadOnlyList<string> clients, int mappedFeatureCount, int totalFeatureCount, string dataDate)
    {
        Findings = findings;
        Clients = clients;
        MappedFeatureCount = mappedFeatureCount;
        TotalFeatureCount = totalFeatureCount;
        DataDate = dataDate;
    }

    /// <summary>The findings, errors first, then warnings, then information; in order of appearance within each.</summary>
    public IReadOnlyList<LintFinding> Findings { get; }

    /// <summary>Whether any finding is an <see cref="LintSeverity.Error"/>.</summary>
    public bool HasErrors => Findings.Any(static f => f.Severity == LintSeverity.Error);

    /// <summary>The clients judged, each <c>family.platform</c> (the <c>family.*</c> names of the options expanded).</summary>
    public IReadOnlyList<string> Clients { get; }

    /// <summary>How many caniemail features SesMailer can detect in an email (of <see cref="TotalFeatureCount"/>).</summary>
    public int MappedFeatureCount { get; }

    /// <summary>How many features the caniemail snapshot describes.</summary>
    public int TotalFeatureCount { get; }

    /// <summary>When the caniemail snapshot was last updated (<c>yyyy-MM-dd</c>).</summary>
    public string DataDate { get; }
}
