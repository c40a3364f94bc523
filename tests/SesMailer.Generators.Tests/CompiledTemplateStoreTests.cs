using SesMailer.Generators.Tests.Infrastructure;
using Xunit;

namespace SesMailer.Generators.Tests;

/// <summary>
/// The generator keeps compiled templates for later builds in the same process (the compiler server starts each build
/// with a new driver). Each run here is such a new driver over the same template text: what the template's
/// compilation depends on besides its text (imports, the model's namespace) must still reach the output.
/// </summary>
public class CompiledTemplateStoreTests
{
    private const string Template = "<p>@Model.Total.ToString(\"0.00\", CultureInfo.InvariantCulture) for @Model.Name</p>";

    [Fact]
    public void A_changed_import_reaches_a_template_whose_text_did_not_change()
    {
        const string Sources = """
            using SesMailer;
            namespace Demo;
            [Email(Subject = "Total")]
            public sealed partial record TotalEmail(string Name, decimal Total);
            """;

        var withImport = GeneratorHarness.Run(Sources, ("Emails/_ViewImports.cshtml", "@using System.Globalization\n"), ("Emails/TotalEmail.cshtml", Template));
        var withoutImport = GeneratorHarness.Run(Sources, ("Emails/_ViewImports.cshtml", "@using System.Text\n"), ("Emails/TotalEmail.cshtml", Template));
        var withImportAgain = GeneratorHarness.Run(Sources, ("Emails/_ViewImports.cshtml", "@using System.Globalization\n"), ("Emails/TotalEmail.cshtml", Template));

        Assert.Empty(withImport.CompilationErrors);
        var error = Assert.Single(withoutImport.CompilationErrors);
        Assert.Equal("CS0103", error.Id); // CultureInfo is not in scope without the import
        Assert.Equal("/project/Emails/TotalEmail.cshtml", error.Location.GetMappedLineSpan().Path);
        Assert.Empty(withImportAgain.CompilationErrors);
        Assert.Equal(TemplateSource(withImport), TemplateSource(withImportAgain));
    }

    [Fact]
    public void The_same_template_text_over_a_model_in_another_namespace_is_compiled_for_that_model()
    {
        static string Sources(string ns) => $$"""
            using SesMailer;
            namespace {{ns}};
            [Email(Subject = "Total")]
            public sealed partial record TotalEmail(string Name, decimal Total);
            """;

        var demo = GeneratorHarness.Run(Sources("Demo"), ("Emails/_ViewImports.cshtml", "@using System.Globalization\n"), ("Emails/TotalEmail.cshtml", Template));
        var shop = GeneratorHarness.Run(Sources("Shop"), ("Emails/_ViewImports.cshtml", "@using System.Globalization\n"), ("Emails/TotalEmail.cshtml", Template));

        Assert.Empty(demo.CompilationErrors);
        Assert.Empty(shop.CompilationErrors);
        Assert.Contains("Demo.TotalEmail", TemplateSource(demo), StringComparison.Ordinal);
        Assert.Contains("Shop.TotalEmail", TemplateSource(shop), StringComparison.Ordinal);
        Assert.DoesNotContain("Demo.", TemplateSource(shop), StringComparison.Ordinal);
    }

    private static string TemplateSource(GeneratorHarness.Result result) => result.Run.Results.Single().GeneratedSources
        .Single(s => s.HintName.EndsWith("Emails_TotalEmail.g.cs", StringComparison.Ordinal)).SourceText.ToString();
}
