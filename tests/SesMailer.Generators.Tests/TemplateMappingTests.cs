using SesMailer.Generators.Tests.Infrastructure;
using Xunit;

namespace SesMailer.Generators.Tests;

/// <summary>C# errors in templates are reported at the .cshtml line and column, not inside generated code.</summary>
public class TemplateMappingTests
{
    private const string Welcome = """
        using SesMailer;
        namespace Demo;
        [Email(Subject = "Welcome, {Name}!")]
        public sealed partial record WelcomeEmail(string Name, System.Uri ConfirmUrl);
        """;

    [Fact]
    public void A_misspelt_member_is_a_compile_error_at_the_template_line_and_column()
    {
        var result = GeneratorHarness.Run(Welcome, ("Emails/WelcomeEmail.cshtml", "@model WelcomeEmail\n<h1>Welcome,\n  @Model.Nmae!</h1>\n"));

        Assert.Empty(result.GeneratorDiagnostics);
        var error = Assert.Single(result.CompilationErrors);
        Assert.Equal("CS1061", error.Id);
        var span = error.Location.GetMappedLineSpan();
        Assert.Equal("/project/Emails/WelcomeEmail.cshtml", span.Path);
        Assert.Equal((2, 9), (span.StartLinePosition.Line, span.StartLinePosition.Character));
    }

    [Fact]
    public void An_unknown_model_type_is_reported_at_the_model_directive()
    {
        var result = GeneratorHarness.Run(Welcome, ("Partials/_Card.cshtml", "\n@model CardModle\n<p>@Model</p>"), ("Emails/WelcomeEmail.cshtml", "x"));

        var error = Assert.Single(result.CompilationErrors);
        Assert.Equal("CS0246", error.Id);
        var span = error.Location.GetMappedLineSpan();
        Assert.Equal("/project/Partials/_Card.cshtml", span.Path);
        Assert.Equal((1, 7), (span.StartLinePosition.Line, span.StartLinePosition.Character));
    }

    [Fact]
    public void An_error_inside_a_generic_model_type_points_at_the_type_argument()
    {
        var result = GeneratorHarness.Run(Welcome, ("_List.cshtml", "@model System.Collections.Generic.List<Missing>\n<p>@Model.Count</p>"), ("WelcomeEmail.cshtml", "x"));

        var error = Assert.Single(result.CompilationErrors);
        var span = error.Location.GetMappedLineSpan();
        Assert.Equal((0, 39), (span.StartLinePosition.Line, span.StartLinePosition.Character));
    }

    [Fact]
    public void Cshtml_files_not_marked_as_templates_are_left_alone()
    {
        var result = GeneratorHarness.Run(Welcome, ("WelcomeEmail.cshtml", "<p>@Model.Name</p>"), ("Views/Home/Index.cshtml", "@model NotAnEmailModel\n<p>@ViewBag.X</p>"));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationErrors);
        Assert.DoesNotContain(result.HintNames, h => h.Contains("Views", StringComparison.Ordinal));
    }

    [Fact]
    public void Errors_in_functions_blocks_and_attributes_map_too()
    {
        var template = "<a href=\"@Model.ConfirmUr\">x</a>\n@functions {\n    private int Broken() => \"text\";\n}\n";
        var result = GeneratorHarness.Run(Welcome, ("WelcomeEmail.cshtml", template));

        var positions = result.CompilationErrors
            .Select(e => e.Location.GetMappedLineSpan())
            .Select(s => (s.Path, s.StartLinePosition.Line))
            .OrderBy(p => p.Line)
            .ToList();
        Assert.Equal([("/project/WelcomeEmail.cshtml", 0), ("/project/WelcomeEmail.cshtml", 2)], positions);
    }
}
