namespace SesMailer.Compatibility.Tests;

public class ImageAndLayoutFindingTests
{
    [Fact]
    public void An_image_without_alt_is_a_warning_and_alt_empty_is_fine()
    {
        var report = Html.Lint(Html.Email("<img src=\"https://acme.example/logo.png\" width=\"100\" height=\"40\">\n<img src=\"https://acme.example/rule.png\" alt=\"\" width=\"100\" height=\"1\">"));

        var finding = Assert.Single(report.Findings, f => f.RuleId == LintRules.ImageWithoutAlt);
        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.Contains("logo.png", finding.Message, StringComparison.Ordinal);
        Assert.Equal(8, finding.Line);
    }

    [Theory]
    [InlineData("<img src=\"https://acme.example/a.png\" alt=\"A\">", "a width and a height")]
    [InlineData("<img src=\"https://acme.example/a.png\" alt=\"A\" width=\"100\">", "a height")]
    [InlineData("<img src=\"https://acme.example/a.png\" alt=\"A\" style=\"height:20px;max-width:100px\">", "a width")]
    public void An_image_without_both_dimensions_is_a_warning(string image, string missing)
    {
        var finding = Assert.Single(Html.Lint(Html.Email(image)).Findings, f => f.RuleId == LintRules.ImageWithoutDimensions);

        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.Contains($"has no {missing};", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dimensions_in_an_inline_style_count()
    {
        var report = Html.Lint(Html.Email("<img src=\"https://acme.example/a.png\" alt=\"A\" style=\"width:100px;height:20px\">"));

        Assert.DoesNotContain(report.Findings, f => f.RuleId == LintRules.ImageWithoutDimensions);
    }

    [Theory]
    [InlineData("<div style=\"display:none;max-height:0;overflow:hidden\">Preview text</div><p>Hello</p>")]
    [InlineData("<span style=\"visibility:hidden; opacity:0\">Preview text</span><p>Hello</p>")]
    [InlineData("<div style=\"max-height:0px;overflow:hidden;mso-hide:all\"><span>Preview</span></div><p>Hello</p>")]
    [InlineData("<div hidden>Preview text</div><p>Hello</p>")]
    [InlineData("<table><tr><td><div style=\"font-size:0\">Preview</div></td></tr></table><p>Hello</p>")]
    public void A_hidden_first_text_block_is_a_preheader(string body)
    {
        var report = Html.Lint($"<html><body>{body}</body></html>");

        Assert.DoesNotContain(report.Findings, f => f.RuleId == LintRules.MissingPreheader);
    }

    [Theory]
    [InlineData("<p>Hello</p><div style=\"display:none\">Preview text</div>", "Hello")]
    [InlineData("<div style=\"overflow:hidden\">View in browser</div>", "View in browser")]
    public void Visible_text_first_is_a_missing_preheader(string body, string quoted)
    {
        var finding = Assert.Single(Html.Lint($"<html><body>{body}</body></html>").Findings, f => f.RuleId == LintRules.MissingPreheader);

        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.Contains($"('{quoted}')", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_over_gmails_clipping_threshold_is_a_warning()
    {
        var under = Html.Email("<p>" + new string('a', 100 * 1024) + "</p>");
        var over = Html.Email("<p>" + new string('a', 102 * 1024) + "</p>");

        Assert.DoesNotContain(Html.Lint(under).Findings, f => f.RuleId == LintRules.GmailClipping);
        var finding = Assert.Single(Html.Lint(over).Findings, f => f.RuleId == LintRules.GmailClipping);
        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.Contains("104,448 bytes", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Multibyte_text_counts_in_utf8_bytes()
    {
        // 40,000 three-byte characters: 120,000 bytes though only 40,000 chars.
        var report = Html.Lint(Html.Email("<p>" + new string('€', 40_000) + "</p>"));

        Assert.Contains(report.Findings, f => f.RuleId == LintRules.GmailClipping);
    }

    [Fact]
    public void A_mime_message_over_the_ses_limit_is_an_error()
    {
        var linter = new EmailLinter();
        var html = Html.Email("<p>Hi</p>");

        Assert.DoesNotContain(linter.Check(new LintInput { Html = html, MimeBytes = 10_000_000 }).Findings, f => f.RuleId == LintRules.MessageTooLarge);
        var report = linter.Check(new LintInput { Html = html, MimeBytes = 10_000_001 });
        var finding = Assert.Single(report.Findings, f => f.RuleId == LintRules.MessageTooLarge);
        Assert.Equal(LintSeverity.Error, finding.Severity);
        Assert.Equal(SesMailer.Ses.EmailRules.MessageSizeLimit, LintRules.SesMessageSizeLimit);
        Assert.Same(finding, report.Findings[0]);
    }
}
