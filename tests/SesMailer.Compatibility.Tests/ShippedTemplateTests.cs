using System.Reflection;
using Xunit.Abstractions;
using SesMailer.Rendering;
using QuickStartEmails = QuickStart.Emails;
using TemplateEmails = SesMailer.Templates.Tests.Emails;
using TemplateModels = SesMailer.Templates.Tests.Models;
using WebAppEmails = WebApp.Emails;

namespace SesMailer.Compatibility.Tests;

/// <summary>
/// Every email of the samples and of the template tests, which use the shipped layout and partials (templates/),
/// rendered through the generated code with a sample model and linted with the default clients: none may have an
/// error-level finding (warnings are shown in the test output, not failed on).
/// </summary>
public class ShippedTemplateTests(ITestOutputHelper output)
{
    private static readonly Assembly[] Assemblies =
    [
        typeof(QuickStartEmails.WelcomeEmail).Assembly,
        typeof(WebAppEmails.WelcomeEmail).Assembly,
        typeof(TemplateEmails.WelcomeEmail).Assembly,
    ];

    /// <summary>A sample model for each email; a new email without one fails <see cref="Every_email_of_the_samples_and_template_tests_has_a_sample_model"/>.</summary>
    private static IEnumerable<object> Samples()
    {
        var confirm = new Uri("https://acme.example/confirm?token=3f9a");
        yield return new QuickStartEmails.WelcomeEmail("Ann", "Acme", confirm);
        yield return new QuickStartEmails.PasswordResetEmail("Ann", "Acme", new Uri("https://acme.example/reset?token=7c1d"), 30);
        yield return new QuickStartEmails.ReceiptEmail("Ann", "A-1042", new DateOnly(2026, 11, 28), "USD", [new("Blue mug", 2, 12.50m), new("Coffee beans", 1, 12.00m)]);
        yield return new WebAppEmails.WelcomeEmail("Ann", confirm);
        yield return new TemplateEmails.WelcomeEmail("Ann", confirm);
        yield return new TemplateEmails.InvoiceEmail("INV-7");
        yield return new TemplateEmails.NewsletterEmail("Ann", 12, new DateOnly(2026, 11, 28));
        yield return new TemplateEmails.NoticeEmail("The service is back.");
        yield return new TemplateEmails.ProfileEmail("https://ann.example/", new Uri("https://acme.example/ann.png"), "https:", "//ann.example/about", "https://app.acme.example/open", "#336699");
        yield return new TemplateEmails.ReceiptEmail("R-9", new TemplateModels.Customer("Ann", "Acme"), [new TemplateModels.LineItem("Blue mug", 2, 12.50m)], new HtmlString("<em>Thank you!</em>"));
        yield return new TemplateEmails.StatementEmail("Ann", new DateOnly(2026, 12, 31), 1200m, new Money(37m, "USD"));
        // Internal to its assembly: made through its constructor by reflection, with plain sample values.
        var reset = Assemblies[2].GetType("SesMailer.Templates.Tests.Emails.PasswordResetEmail", throwOnError: true)!;
        var reason = Enum.Parse(Assemblies[2].GetType("SesMailer.Templates.Tests.Emails.ResetReason", throwOnError: true)!, "Forgotten");
        yield return reset.GetConstructors().Single().Invoke(["Ann", new Uri("https://acme.example/reset?token=7c1d"), reason, null]);
    }

    /// <summary>Emails of the template tests that exist to fail rendering (a section its layout drops): checked to fail, not linted.</summary>
    private static readonly Type[] FailByDesign = [typeof(TemplateEmails.NoticeEmail)];

    private static List<EmailDescriptor> Descriptors()
    {
        foreach (var assembly in Assemblies)
        {
            // The generated module initializer registers an assembly's emails when it loads.
            System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        }

        return EmailRegistry.All.Where(d => Assemblies.Contains(d.ModelType.Assembly)).ToList();
    }

    [Fact]
    public void Every_email_of_the_samples_and_template_tests_has_a_sample_model()
    {
        var sampled = Samples().Select(s => s.GetType()).ToHashSet();

        var missing = Descriptors().Where(d => !sampled.Contains(d.ModelType)).Select(d => d.ModelType.FullName).ToList();

        Assert.Equal([], missing);
        Assert.True(Descriptors().Count >= 12);
    }

    [Fact]
    public async Task No_shipped_or_sample_email_has_an_error()
    {
        var linter = new EmailLinter();
        var descriptors = Descriptors();
        var errors = new List<string>();
        foreach (var model in Samples())
        {
            var descriptor = descriptors.Single(d => d.ModelType == model.GetType());
            if (FailByDesign.Contains(model.GetType()))
            {
                await Assert.ThrowsAsync<InvalidOperationException>(() => descriptor.RenderAsync(model));
                continue;
            }

            var rendered = await descriptor.RenderAsync(model);
            if (rendered.Html is null)
            {
                continue;
            }

            var report = linter.Check(new LintInput { Html = rendered.Html, Text = rendered.Text, Subject = rendered.Subject, TemplatePath = descriptor.HtmlTemplatePath });
            output.WriteLine($"{model.GetType().FullName} ({descriptor.HtmlTemplatePath}): {report.Findings.Count} findings");
            foreach (var finding in report.Findings)
            {
                output.WriteLine($"  {finding.Severity} {finding.RuleId} {finding.Feature} line {finding.Line}: {finding.Message}");
                if (finding.Severity == LintSeverity.Error)
                {
                    errors.Add($"{descriptor.HtmlTemplatePath}: {finding.Message}");
                }
            }
        }

        Assert.Equal([], errors);
    }
}
