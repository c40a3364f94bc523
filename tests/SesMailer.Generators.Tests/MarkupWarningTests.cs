using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SesMailer.Generators.Tests.Infrastructure;
using Xunit;

namespace SesMailer.Generators.Tests;

/// <summary>
/// SESM04xx: the compatibility report's rules applied to each template's static markup at build time, as warnings on
/// the template's own line, which NoWarn and severity settings turn off. Values C# writes are left to the report.
/// </summary>
public class MarkupWarningTests
{
    private const string Welcome = """
        using SesMailer;
        namespace Demo;
        [Email(Subject = "Welcome, {Name}!")]
        public sealed partial record WelcomeEmail(string Name, System.Uri ConfirmUrl, string Color);
        """;

    [Theory]
    [InlineData("<p>Hi</p>\n<a href=\"javascript:alert(1)\">x</a>\n", "SESM0401", 1, 9, "Link 'javascript:alert(1)' has the unsafe scheme 'javascript:'")]
    [InlineData("<a href='vbscript:x'>x</a>", "SESM0401", 0, 9, "Link 'vbscript:x' has the unsafe scheme 'vbscript:'")]
    [InlineData("<p>@Model.Name</p>\n\n<a href=\"http://acme.example/\">x</a>", "SESM0402", 2, 9, "Link 'http://acme.example/' uses plain http:")]
    [InlineData("<a href=\"/account\">x</a>", "SESM0403", 0, 9, "Link '/account' has no scheme")]
    [InlineData("@if (Model.Name.Length > 0)\n{\n    <img src=\"https://acme.example/logo.png\" width=\"10\" height=\"10\">\n}", "SESM0404", 2, 4, "<img> has no alt attribute")]
    [InlineData("<img src=\"https://acme.example/logo.png\" alt=\"Acme\" width=\"120\">", "SESM0405", 0, 0, "<img> lacks a height")]
    [InlineData("<style>\n  .card { color: red; transform: rotate(2deg); }\n</style>", "SESM0406", 1, 22, "CSS property 'transform' (transform) is not supported by 9 of the 11 platforms")]
    [InlineData("<p style=\"margin:0;clip-path: circle(40%)\">x</p>", "SESM0406", 0, 19, "CSS property 'clip-path' (clip-path) is not supported by")]
    [InlineData("<style>\n@@media (max-width: 600px) {\n  .a:hover { -webkit-user-select: none; }\n}\n</style>", "SESM0406", 2, 13, "CSS property '-webkit-user-select' (user-select)")]
    public void Static_markup_that_breaks_a_rule_is_a_warning_on_its_line(string template, string id, int line, int column, string message)
    {
        var diagnostic = Assert.Single(Warnings(template));

        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/project/WelcomeEmail.cshtml", span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.StartsWith(message, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<a href=\"@Model.ConfirmUrl\">confirm</a>")]
    [InlineData("<a href=@Model.ConfirmUrl>confirm</a>")]
    [InlineData("<a href=\"https://acme.example/@Model.Name\">x</a><a href=\"mailto:help@acme.example\">help</a><a href=\"#top\">top</a>")]
    [InlineData("<img src=\"@Model.ConfirmUrl\" alt=\"@Model.Name\" width=\"10\" height=\"10\">")]
    [InlineData("<img src=\"https://acme.example/a.png\" alt=\"\" style=\"width:10px;height:10px\">")]
    [InlineData("<img src=\"https://acme.example/a.png\" alt=\"A\" style=\"width:@(Model.Name.Length)px\">")]
    [InlineData("<p style=\"color:@Model.Color;margin:0;border-radius:4px\">x</p>")]
    [InlineData("<style>\n  a:hover { color: red; }\n  @@media (prefers-color-scheme: dark) { .x { background-color: #000 !important; } }\n</style>")]
    [InlineData("<!-- <a href=\"javascript:x\">x</a> -->\n@* <img src=\"x.png\"> *@\n<p>transform: rotate(2deg);</p>")]
    [InlineData("@{ var link = \"javascript:x\"; }\n<p>@link</p>")]
    public void Markup_that_follows_the_rules_or_that_CSharp_writes_is_not_warned_about(string template)
    {
        Assert.Empty(Warnings(template));
    }

    [Fact]
    public void A_scheme_written_in_the_template_is_judged_even_when_CSharp_writes_the_rest()
    {
        var diagnostic = Assert.Single(Warnings("<a href=\"javascript:@Model.Name\">x</a>"));

        Assert.Equal("SESM0401", diagnostic.Id);
        Assert.StartsWith("Link 'javascript:…'", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_templates_are_not_checked()
    {
        var result = GeneratorHarness.Run(Welcome, ("WelcomeEmail.cshtml", "<p>x</p>"), ("WelcomeEmail.text.cshtml", "<a href=\"javascript:x\">x</a> <img src=x>"));

        Assert.Empty(result.GeneratorDiagnostics);
    }

    [Fact]
    public void Layouts_and_partials_of_the_project_are_checked_too()
    {
        var result = GeneratorHarness.Run(
            Welcome,
            ("WelcomeEmail.cshtml", "@{ Layout = \"_Shell\"; }\n<p>x</p>"),
            ("Shared/_Shell.cshtml", "<html><body>\n<img src=\"https://acme.example/logo.png\" width=\"1\" height=\"1\">\n@RenderBody()</body></html>"));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("SESM0404", diagnostic.Id);
        Assert.Equal("/project/Shared/_Shell.cshtml", diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public void NoWarn_and_a_globalconfig_severity_turn_them_off_and_warnings_as_errors_make_them_errors()
    {
        const string Template = "<a href=\"javascript:x\">x</a>\n<img src=\"https://acme.example/a.png\" alt=\"A\">";

        Assert.Equal(["SESM0401", "SESM0405"], Warnings(Template).Select(d => d.Id).Order());
        // NoWarn: what MSBuild's <NoWarn>SESM0401;SESM0405</NoWarn> hands the compiler.
        Assert.Empty(Warnings(Template, o => o.WithSpecificDiagnosticOptions([new("SESM0401", ReportDiagnostic.Suppress), new("SESM0405", ReportDiagnostic.Suppress)])));
        // A .globalconfig / .editorconfig 'dotnet_diagnostic.SESM0405.severity = none'.
        Assert.Equal(["SESM0401"], Warnings(Template, o => o.WithSyntaxTreeOptionsProvider(new GlobalSeverity("SESM0405", ReportDiagnostic.Suppress))).Select(d => d.Id));
        Assert.All(Warnings(Template, o => o.WithGeneralDiagnosticOption(ReportDiagnostic.Error)), d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
    }

    [Fact]
    public void The_generated_code_is_the_same_with_or_without_warnings()
    {
        var clean = GeneratorHarness.Run(Welcome, ("WelcomeEmail.cshtml", "<a href=\"https://acme.example/\">x</a>"));
        var warned = GeneratorHarness.Run(Welcome, ("WelcomeEmail.cshtml", "<a href=\"http://acme.example/\">x</a>"));

        Assert.Empty(clean.CompilationErrors);
        Assert.Empty(warned.CompilationErrors);
        Assert.Equal(clean.Run.GeneratedTrees.Length, warned.Run.GeneratedTrees.Length);
    }

    private static ImmutableArray<Diagnostic> Warnings(string template, Func<CSharpCompilationOptions, CSharpCompilationOptions>? configure = null)
    {
        var compilation = GeneratorHarness.Compilation(Welcome);
        if (configure is not null)
        {
            compilation = compilation.WithOptions(configure(compilation.Options));
        }

        var result = GeneratorHarness.Run(compilation, ("WelcomeEmail.cshtml", template));
        Assert.Empty(result.CompilationErrors);
        Assert.All(result.GeneratorDiagnostics, d => Assert.StartsWith("SESM04", d.Id, StringComparison.Ordinal));
        return result.GeneratorDiagnostics;
    }

    /// <summary>What a <c>.globalconfig</c> line <c>dotnet_diagnostic.ID.severity = …</c> gives the compiler.</summary>
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
