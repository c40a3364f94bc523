namespace SesMailer.Compatibility.Tests;

public class LinkFindingTests
{
    [Theory]
    [InlineData("javascript:alert(1)", "javascript")]
    [InlineData(" JavaScript:alert(1)", "JavaScript")]
    [InlineData("java\tscript:alert(1)", "javascript")]
    [InlineData("vbscript:msgbox(1)", "vbscript")]
    [InlineData("data:text/html,<script>alert(1)</script>", "data")]
    [InlineData("file:///etc/passwd", "file")]
    public void A_link_with_an_unsafe_scheme_is_an_error(string href, string scheme)
    {
        var report = Html.Lint(Html.Email($"<p><a href=\"{System.Net.WebUtility.HtmlEncode(href)}\">x</a></p>"));

        var finding = Assert.Single(report.Findings, f => f.RuleId == LintRules.UnsafeLink);
        Assert.Equal(LintSeverity.Error, finding.Severity);
        Assert.Contains($"'{scheme}:'", finding.Message, StringComparison.Ordinal);
        Assert.Equal(8, finding.Line);
        Assert.True(report.HasErrors);
    }

    [Fact]
    public void The_url_SesMailer_writes_for_a_refused_value_is_an_error_that_says_so()
    {
        var report = Html.Lint(Html.Email("<a href=\"about:invalid#sesmailer-unsafe-url\">x</a>"));

        var finding = Assert.Single(report.Findings, f => f.RuleId == LintRules.UnsafeLink);
        Assert.Contains("SesMailer refused the URL", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/account")]
    [InlineData("www.acme.example/account")]
    [InlineData("")]
    public void A_link_without_a_scheme_is_an_error(string href)
    {
        var report = Html.Lint(Html.Email($"<a href=\"{href}\">x</a>"));

        Assert.Equal(LintSeverity.Error, Assert.Single(report.Findings, f => f.RuleId == LintRules.LinkWithoutScheme).Severity);
    }

    [Fact]
    public void A_plain_http_link_is_a_warning()
    {
        var report = Html.Lint(Html.Email("<a href=\"http://acme.example/\">x</a>"));

        var finding = Assert.Single(report.Findings, f => f.RuleId == LintRules.HttpLink);
        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.False(report.HasErrors);
    }

    [Theory]
    [InlineData("https://acme.example/")]
    [InlineData("mailto:help@acme.example")]
    [InlineData("tel:+15550100")]
    [InlineData("#top")]
    [InlineData("acme-app://open")]
    public void Safe_links_are_not_findings_of_the_link_rules(string href)
    {
        var report = Html.Lint(Html.Email($"<a href=\"{href}\">x</a>"));

        Assert.DoesNotContain(report.Findings, f => f.RuleId is LintRules.UnsafeLink or LintRules.LinkWithoutScheme or LintRules.HttpLink);
    }
}
