using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SesMailer.Generators.Tests.Infrastructure;
using Xunit;

namespace SesMailer.Generators.Tests;

/// <summary>
/// SESM0007: a template passing a model value to Html.Raw or Raw is a warning at the template line and column, which
/// #pragma, NoWarn and a .globalconfig severity silence, and TreatWarningsAsErrors makes an error, as for any warning.
/// </summary>
public class RawModelWarningTests
{
    private const string Welcome = """
        using SesMailer;
        using SesMailer.Rendering;
        namespace Demo;
        [Email(Subject = "Welcome, {Name}!")]
        public sealed partial record WelcomeEmail(string Name, HtmlString Signature, System.Uri ConfirmUrl);
        """;

    [Theory]
    [InlineData("<p>@Html.Raw(Model.Name)</p>\n", 0, 4, "Html.Raw")]
    [InlineData("<h1>Hi</h1>\n  @Raw(Model.Name)\n", 1, 3, "Raw")]
    [InlineData("@{\n    var shown = Html.Raw(\"<b>\" + Model.Name + \"</b>\");\n}\n@shown\n", 1, 16, "Html.Raw")]
    [InlineData("<p>@Html.Raw(string.Join(\", \", new[] { Model.Name, Model.ConfirmUrl.Host }))</p>", 0, 4, "Html.Raw")]
    [InlineData("<a href=\"@Html.Raw(Model.ConfirmUrl)\">x</a>", 0, 10, "Html.Raw")]
    public void A_model_value_passed_to_Raw_is_a_warning_at_the_template(string template, int line, int column, string call)
    {
        var diagnostic = Assert.Single(Warnings(template));

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        var span = diagnostic.Location.GetMappedLineSpan();
        Assert.Equal("/project/WelcomeEmail.cshtml", span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.StartsWith($"Template passes a model value to {call}(…)", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<p>@Model.Name</p>\n@Html.Raw(\"<hr>\")@Raw(\"<br>\")\n")]
    [InlineData("<p>@Html.Raw(Model.Signature)</p>@Raw(Model.Signature)")]
    [InlineData("@{ var local = \"<hr>\"; }\n@Html.Raw(local)\n")]
    public void Literal_markup_and_a_model_value_that_is_already_an_HtmlString_are_not_warned_about(string template)
    {
        Assert.Empty(Warnings(template));
    }

    [Fact]
    public void A_text_template_is_not_warned_about_because_nothing_there_is_encoded()
    {
        Assert.Empty(Warnings(("WelcomeEmail.text.cshtml", "Hi @Raw(Model.Name)\n")));
    }

    [Fact]
    public void Pragma_in_the_template_silences_it_from_there()
    {
        var template = "@Html.Raw(Model.Name)\n@{\n#pragma warning disable SESM0007\n}\n@Html.Raw(Model.Name)\n@{\n#pragma warning restore SESM0007\n}\n@Raw(Model.Name)\n";

        var lines = Warnings(template).Select(d => d.Location.GetMappedLineSpan().StartLinePosition.Line).Order().ToList();

        Assert.Equal([0, 8], lines);
    }

    [Fact]
    public void NoWarn_and_a_globalconfig_severity_silence_it_and_warnings_as_errors_make_it_an_error()
    {
        const string Template = "@Html.Raw(Model.Name)\n";

        Assert.Empty(Warnings(Template, options => options.WithSpecificDiagnosticOptions([new("SESM0007", ReportDiagnostic.Suppress)])));
        Assert.Empty(Warnings(Template, options => options.WithSyntaxTreeOptionsProvider(new GlobalSeverity("SESM0007", ReportDiagnostic.Suppress))));
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(Warnings(Template, options => options.WithSyntaxTreeOptionsProvider(new GlobalSeverity("SESM0007", ReportDiagnostic.Error)))).Severity);
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(Warnings(Template, options => options.WithGeneralDiagnosticOption(ReportDiagnostic.Error))).Severity);
    }

    [Fact]
    public void The_generated_code_still_compiles_and_the_generator_reports_nothing()
    {
        var result = GeneratorHarness.Run(Welcome, ("WelcomeEmail.cshtml", "@Html.Raw(Model.Name)\n"));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationErrors);
    }

    private static ImmutableArray<Diagnostic> Warnings(string template, Func<CompilationOptions, CompilationOptions>? configure = null) =>
        Warnings(("WelcomeEmail.cshtml", template), configure);

    private static ImmutableArray<Diagnostic> Warnings((string Path, string Text) template, Func<CompilationOptions, CompilationOptions>? configure = null)
    {
        var result = GeneratorHarness.Run(Welcome, template);
        Assert.Empty(result.CompilationErrors);
        var compilation = configure is null ? result.Output : result.Output.WithOptions(configure(result.Output.Options));
        var diagnostics = GeneratorHarness.AnalyzerDiagnostics(compilation);
        Assert.All(diagnostics, d => Assert.Equal("SESM0007", d.Id));
        return diagnostics;
    }

    /// <summary>
    /// What a <c>.globalconfig</c> line <c>dotnet_diagnostic.ID.severity = …</c> gives the compiler. (Path sections of an
    /// <c>.editorconfig</c> do not reach diagnostics in generated code in the compiler of this SDK: dotnet/roslyn#47384.)
    /// </summary>
    private sealed class GlobalSeverity(string id, ReportDiagnostic value) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = diagnosticId == id ? value : ReportDiagnostic.Default;
            return diagnosticId == id;
        }
    }
}
