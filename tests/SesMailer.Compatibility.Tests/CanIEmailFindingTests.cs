namespace SesMailer.Compatibility.Tests;

public class CanIEmailFindingTests
{
    [Fact]
    public void A_css_property_a_client_lacks_is_a_warning_naming_the_client_and_the_caniemail_page()
    {
        // caniemail 2026-05-13: Outlook on Windows renders no border-radius.
        var report = Html.Lint(Html.Email("<p style=\"border-radius:4px\">x</p>"), "outlook.windows");

        var finding = Assert.Single(report.Findings, f => f.Feature == "css-border-radius");
        Assert.Equal(LintRules.CanIEmailUnsupported, finding.RuleId);
        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.Equal(["outlook.windows"], finding.Clients);
        Assert.Equal("border-radius is not supported by outlook.windows.", finding.Message);
        Assert.Equal("https://www.caniemail.com/features/css-border-radius/", finding.Url);
        Assert.Equal(8, finding.Line);
    }

    [Fact]
    public void A_partly_supported_feature_is_information_with_the_caniemail_note()
    {
        // caniemail 2026-05-13: Outlook on Windows supports margin in part ("a #1 #2"), with notes on why.
        var report = Html.Lint(Html.Email("<p style=\"margin:0 0 16px\">x</p>"), "outlook.windows");

        var finding = Assert.Single(report.Findings, f => f.Feature == "css-margin");
        Assert.Equal(LintRules.CanIEmailPartial, finding.RuleId);
        Assert.Equal(LintSeverity.Info, finding.Severity);
        Assert.Equal("margin is partly supported by outlook.windows.", finding.Message);
        Assert.NotNull(finding.Note);
        Assert.StartsWith("outlook.windows: ", finding.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feature_every_chosen_client_supports_is_not_reported()
    {
        var report = Html.Lint(Html.Email("<p style=\"background-color:#fff\">x</p>"), "apple-mail.*");

        Assert.DoesNotContain(report.Findings, f => f.Feature is not null);
    }

    [Fact]
    public void Shorthands_and_colours_are_read_as_written_not_as_the_longhands_a_browser_would_make()
    {
        var report = Html.Lint(Html.Email("<p style=\"border:1px solid red;background:#fff\">x</p>"), "outlook.windows", "gmail.*", "yahoo.*");

        // css-border and css-background are what was written; the rgba() a CSSOM would serialise red as is not.
        Assert.DoesNotContain(report.Findings, f => f.Feature is "css-rgba" or "css-border-top-left-radius" or "css-background-image");
    }

    [Fact]
    public void Style_sheets_are_read_for_at_rules_selectors_functions_and_units()
    {
        const string Css = """
            <style>
              @media (prefers-color-scheme: dark) { .card > p:hover { color: var(--ink); width: calc(100% - 2rem); } }
              @font-face { font-family: Brand; src: url(https://acme.example/brand.woff2); }
              .a ~ .b, #c + d::before { display: flex !important; }
            </style>
            """;
        var report = Html.Lint(Html.Email("<p>x</p>", Css), "outlook.windows");

        var features = report.Findings.Select(f => f.Feature).ToHashSet();
        string[] expected =
        [
            "css-at-media-prefers-color-scheme", "css-at-font-face", "css-variables", "css-unit-calc", "css-unit-rem",
            "css-pseudo-class-hover", "css-selector-child", "css-selector-general-sibling", "css-selector-adjacent-sibling",
            "css-pseudo-element-before", "css-display-flex",
        ];
        Assert.All(expected, slug => Assert.Contains(slug, features));
        // The line of the <style> element that holds them.
        Assert.All(report.Findings.Where(f => expected.Contains(f.Feature)), f => Assert.Equal(5, f.Line));
    }

    [Fact]
    public void Html_elements_attributes_and_image_formats_are_found()
    {
        var report = Html.Lint(Html.Email("<form action=\"https://acme.example/\"><input type=\"checkbox\"></form>\n<video src=\"https://acme.example/a.mp4\"></video>\n<img src=\"https://acme.example/a.webp\" alt=\"A\" width=\"1\" height=\"1\">"), "outlook.windows");

        var features = report.Findings.Where(f => f.Feature is not null).ToDictionary(f => f.Feature!);
        Assert.Equal(8, features["html-form"].Line);
        Assert.Equal(8, features["html-input-checkbox"].Line);
        Assert.Equal(9, features["html-video"].Line);
        Assert.Equal(10, features["image-webp"].Line);
    }

    [Fact]
    public void One_finding_lists_the_clients_that_lack_a_feature_and_those_that_have_it_in_part()
    {
        // caniemail 2026-05-13: no Outlook on Windows support for box-shadow; several Gmail and Yahoo platforms lack it too.
        var report = Html.Lint(Html.Email("<p style=\"box-shadow:0 1px 2px #000\">x</p>"));

        var finding = Assert.Single(report.Findings, f => f.Feature == "css-box-shadow");
        Assert.Contains("outlook.windows", finding.Clients);
        Assert.Equal(finding.Clients.Count, finding.Clients.Distinct().Count());
        Assert.All(finding.Clients, c => Assert.Contains(c, report.Clients));
    }

    [Fact]
    public void Findings_come_errors_first_then_warnings_then_information()
    {
        var report = Html.Lint(Html.Email("<p style=\"margin:0\">x</p><a href=\"http://a.example\">a</a><a href=\"javascript:x\">b</a>"));

        var severities = report.Findings.Select(f => f.Severity).ToList();
        Assert.Equal(severities.OrderByDescending(s => s), severities);
        Assert.Contains(LintSeverity.Info, severities);
        Assert.Contains(LintSeverity.Error, severities);
    }
}
