using SesMailer.Generators.Tests.Infrastructure;
using Xunit;

namespace SesMailer.Generators.Tests;

/// <summary>
/// <c>@value.ToString(format, provider)</c> is written as <c>Write(value, format, provider)</c>, which formats into the
/// output, with the value and the arguments at the columns Razor put them: errors in them are still reported at the
/// template. Other forms of <c>ToString</c> are left as they are.
/// </summary>
public class FormattedWriteGenerationTests
{
    private const string Sources = """
        using SesMailer;
        namespace Demo;
        [Email(Subject = "Invoice")]
        public sealed partial record InvoiceEmail(decimal Price, System.DateOnly Due);
        """;

    [Fact]
    public void A_formatted_value_is_written_without_its_string()
    {
        var result = GeneratorHarness.Run(
            Sources,
            ("Emails/InvoiceEmail.cshtml", "@model InvoiceEmail\n@using System.Globalization\n<p>@Model.Price.ToString(\"0.00\", CultureInfo.InvariantCulture) @Model.Due.ToString(\"d\") @Model.Price.ToString(provider: null, format: \"0\")</p>\n"));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationErrors);
        var code = result.Run.Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith("Template_Emails_InvoiceEmail.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("Write(Model.Price,         \"0.00\", CultureInfo.InvariantCulture);", code, StringComparison.Ordinal);
        Assert.Contains("Write(Model.Due.ToString(\"d\"));", code, StringComparison.Ordinal); // one argument: not IFormattable's form
        Assert.Contains("Write(Model.Price.ToString(provider: null, format: \"0\"));", code, StringComparison.Ordinal); // named: left alone
    }

    [Fact]
    public void An_error_in_a_format_argument_is_reported_at_the_template_line_and_column()
    {
        var result = GeneratorHarness.Run(
            Sources,
            ("Emails/InvoiceEmail.cshtml", "@model InvoiceEmail\n@using System.Globalization\n<p>Total: @Model.Price.ToString(\"0.00\", CultureInfo.InvarantCulture)</p>\n"));

        var error = Assert.Single(result.CompilationErrors);
        Assert.Equal("CS0117", error.Id);
        var span = error.Location.GetMappedLineSpan();
        Assert.Equal("/project/Emails/InvoiceEmail.cshtml", span.Path);
        Assert.Equal((2, 52), (span.StartLinePosition.Line, span.StartLinePosition.Character));
    }
}
