using QuickStart.Emails;
using SesMailer.Rendering;

namespace SesMailer.Compatibility.Tests;

/// <summary>The snippets of the README and of src/SesMailer.Compatibility/README.md, as written there.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public async Task The_quick_start_welcome_email_is_checked_as_the_readme_shows()
    {
        var email = new WelcomeEmail("Ann", "Acme", new Uri("https://acme.example/confirm?token=3f9a"));

        var linter = new EmailLinter();                       // default clients; new EmailLinter(options) for others
        RenderedEmail rendered = await email.RenderWelcomeAsync();
        LintReport report = linter.Check(new LintInput { Html = rendered.Html!, Text = rendered.Text, Subject = rendered.Subject });

        Assert.False(report.HasErrors);
        Assert.Contains(report.Findings, f => f.RuleId == LintRules.CanIEmailUnsupported && f.Clients.Contains("outlook.windows"));
        Assert.DoesNotContain(report.Findings, f => f.RuleId == LintRules.MissingPreheader);
        Assert.Equal(306, report.MappedFeatureCount);
        Assert.Equal(307, report.TotalFeatureCount);
    }
}
