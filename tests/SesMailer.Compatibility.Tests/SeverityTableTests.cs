using System.Text.RegularExpressions;
using SesMailer.TestSupport;

namespace SesMailer.Compatibility.Tests;

public partial class SeverityTableTests
{
    [Fact]
    public void The_readme_table_is_the_table_of_LintRules()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "SesMailer.Compatibility", "README.md"));

        var rows = Row().Matches(readme).Select(m => (m.Groups["id"].Value, m.Groups["severity"].Value)).ToList();

        Assert.Equal(LintRules.All.Select(r => (r.Id, r.Severity.ToString())), rows);
    }

    [Fact]
    public void Errors_come_first_and_every_rule_has_a_description()
    {
        var severities = LintRules.All.Select(r => r.Severity).ToList();

        Assert.Equal(severities.OrderByDescending(s => s), severities);
        Assert.All(LintRules.All, r => Assert.False(string.IsNullOrWhiteSpace(r.Description)));
        Assert.Equal(LintRules.All.Count, LintRules.All.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void An_unknown_rule_has_no_severity()
    {
        var error = Assert.Throws<ArgumentException>(() => LintRules.SeverityOf("no-such-rule"));

        Assert.Contains("unsafe-link", error.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\| `(?<id>[a-z-]+)` \| (?<severity>Error|Warning|Info) \|", RegexOptions.Multiline)]
    private static partial Regex Row();
}
