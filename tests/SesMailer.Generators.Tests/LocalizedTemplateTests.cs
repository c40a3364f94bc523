using System.Globalization;
using Microsoft.CodeAnalysis;
using SesMailer.Generators.Tests.Infrastructure;
using Xunit;

namespace SesMailer.Generators.Tests;

/// <summary>
/// Localized templates (<c>WelcomeEmail.fr.cshtml</c>, <c>WelcomeEmail.fr-CA.text.cshtml</c>) are found by the shape of
/// their culture segment and checked like any template of the email.
/// </summary>
public class LocalizedTemplateTests
{
    private const string Welcome = """
        using SesMailer;
        namespace Demo;
        [Email(Subject = "Welcome, {Name}!")]
        public sealed record WelcomeEmail(string Name);
        public sealed record OtherModel(string Name);
        """;

    private static readonly (string, string) WelcomeHtml = ("Emails/WelcomeEmail.cshtml", "<h1>Hi @Model.Name</h1>\n");

    [Fact]
    public void A_localized_template_is_compiled_against_the_email_model_and_picked_by_culture()
    {
        var result = GeneratorHarness.Run(
            Welcome,
            WelcomeHtml,
            ("Emails/WelcomeEmail.fr.cshtml", "<h1>Bonjour @Model.Name</h1>\n"),
            ("Emails/WelcomeEmail.fr-ca.cshtml", "<h1>Allo @Model.Name</h1>\n"),
            ("Emails/WelcomeEmail.zh-hant-tw.cshtml", "<h1>@Model.Name</h1>\n"),
            ("Emails/WelcomeEmail.es-419.cshtml", "<h1>Hola @Model.Name</h1>\n"),
            ("Emails/WelcomeEmail.v2.cshtml", "<h1>v2</h1>\n"));

        Assert.True(result.GeneratorDiagnostics.IsEmpty, string.Join("; ", result.GeneratorDiagnostics));
        Assert.True(result.CompilationErrors.IsEmpty, string.Join("; ", result.CompilationErrors));
        var mailer = result.Source("Emails/Demo_WelcomeEmail.g.cs");
        // The segment is recognised by its BCP-47 shape and written as .NET names cultures (fr-ca is fr-CA), so it
        // matches CultureInfo.Name; "v2" is not shaped like a culture and stays a template of its own.
        Assert.Contains("case \"fr\": return new", mailer, StringComparison.Ordinal);
        Assert.Contains("case \"fr-CA\": return new", mailer, StringComparison.Ordinal);
        Assert.Contains("case \"zh-Hant-TW\": return new", mailer, StringComparison.Ordinal);
        Assert.Contains("case \"es-419\": return new", mailer, StringComparison.Ordinal);
        Assert.DoesNotContain("v2", mailer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_localized_template_with_another_model_is_SESM0003_at_its_model_line()
    {
        var bad = GeneratorHarness.Run(Welcome, WelcomeHtml, ("Emails/WelcomeEmail.fr.cshtml", "@model OtherModel\n<h1>Bonjour @Model.Name</h1>"));

        var diagnostic = Assert.Single(bad.GeneratorDiagnostics, d => d.Id == "SESM0003");
        Assert.Equal("/project/Emails/WelcomeEmail.fr.cshtml", diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public void A_localized_template_without_its_neutral_template_is_SESM0008()
    {
        var bad = GeneratorHarness.Run(Welcome, WelcomeHtml, ("Emails/WelcomeEmail.fr.text.cshtml", "Bonjour @Model.Name"));

        var diagnostic = Assert.Single(bad.GeneratorDiagnostics, d => d.Id == "SESM0008");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("add 'Emails/WelcomeEmail.text.cshtml'", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_localized_template_of_no_email_is_SESM0009_at_the_file_but_partials_are_left_alone()
    {
        var bad = GeneratorHarness.Run(Welcome, WelcomeHtml, ("Emails/WelcomEmail.fr.cshtml", "<h1>Bonjour</h1>"), ("Shared/_Note.fr.cshtml", "<p>note</p>"));

        var diagnostic = Assert.Single(bad.GeneratorDiagnostics, d => d.Id == "SESM0009");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("/project/Emails/WelcomEmail.fr.cshtml", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("no email 'WelcomEmail'", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
