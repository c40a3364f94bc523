using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using SesMailer.Generators.Tests.Infrastructure;
using SesMailer.Rendering;
using Xunit;

namespace SesMailer.Generators.Tests;

/// <summary>
/// A mistake in one template is reported once, where it is, and breaks nothing else: the other emails' generated
/// code still compiles (and renders), so the build lists only the error the user has to fix.
/// </summary>
public class FollowOnErrorTests
{
    private const string BrokenPath = "/project/Emails/WelcomeEmail.cshtml";

    private const string TwoEmails = """
        using SesMailer;
        namespace Demo;
        [Email(Subject = "Welcome, {Name}!")]
        public sealed partial record WelcomeEmail(string Name);
        [Email(Subject = "Goodbye, {Name}")]
        public sealed partial record ByeEmail(string Name);
        """;

    private static readonly (string, string) GoodBye = ("Emails/ByeEmail.cshtml", "<p>Bye @Model.Name</p>\n");

    [Theory]
    [InlineData("<h1>@Model.Name</h1>\n@if (true) {\n<p>never closed</p>\n")]
    [InlineData("<h1>@(Model.Name</h1>\n")]
    [InlineData("@functions {\n    int Count() { return 1;\n}\n<p>x</p>\n")]
    [InlineData("@{ <p>unclosed tag }\n")]
    [InlineData("@{ var s = \"unterminated; }\n<p>x</p>\n")]
    [InlineData("@section {\n<p>x</p>\n}\n")]
    [InlineData("@model\n<p>x</p>\n")]
    [InlineData("@inherits\n<p>x</p>\n")]
    public void A_razor_syntax_error_is_the_only_error_and_the_other_emails_compile(string broken)
    {
        var result = GeneratorHarness.Run(TwoEmails, ("Emails/WelcomeEmail.cshtml", broken), GoodBye);

        AssertOnlySyntaxErrorsIn(BrokenPath, result);
        Assert.Contains("Templates/Template_Emails_ByeEmail.g.cs", result.HintNames);
    }

    [Fact]
    public void A_syntax_error_in_a_text_template_leaves_the_html_template_of_the_same_email_alone()
    {
        var result = GeneratorHarness.Run(
            TwoEmails,
            ("Emails/WelcomeEmail.cshtml", "<h1>@Model.Name</h1>\n"),
            ("Emails/WelcomeEmail.text.cshtml", "Hi @(Model.Name\n"),
            GoodBye);

        AssertOnlySyntaxErrorsIn("/project/Emails/WelcomeEmail.text.cshtml", result);
    }

    [Fact]
    public void A_syntax_error_in_a_layout_is_reported_at_the_layout_and_the_emails_using_it_still_compile()
    {
        var result = GeneratorHarness.Run(
            TwoEmails,
            ("Shared/_Shell.cshtml", "<main>@RenderBody()</main>\n@if (true) {\n"),
            ("Emails/WelcomeEmail.cshtml", "@{ Layout = \"_Shell\"; }\n<h1>@Model.Name</h1>\n"),
            GoodBye);

        AssertOnlySyntaxErrorsIn("/project/Shared/_Shell.cshtml", result);
    }

    [Fact]
    public void A_syntax_error_in_view_imports_is_reported_there_once_however_many_templates_import_it()
    {
        var result = GeneratorHarness.Run(
            TwoEmails,
            ("Emails/_ViewImports.cshtml", "@using System.Text\n@{ if (true) {\n"),
            ("Emails/WelcomeEmail.cshtml", "<h1>@Model.Name</h1>\n"),
            GoodBye);

        AssertOnlySyntaxErrorsIn("/project/Emails/_ViewImports.cshtml", result);
        // Razor finds two errors (the code block and the if block are both unclosed), each with both templates.
        var reported = result.GeneratorDiagnostics.Select(d => d.Location.GetLineSpan().StartLinePosition).ToList();
        Assert.Equal([new(1, 1), new(1, 3)], reported.Order());
    }

    [Fact]
    public void A_misspelt_member_is_one_error_at_its_template_line_and_column_and_nothing_else()
    {
        var result = GeneratorHarness.Run(TwoEmails, ("Emails/WelcomeEmail.cshtml", "<h1>Welcome,\n  @Model.NoSuchMember!</h1>\n"), GoodBye);

        Assert.Empty(result.GeneratorDiagnostics);
        var error = Assert.Single(result.CompilationErrors);
        Assert.Equal("CS1061", error.Id);
        var span = error.Location.GetMappedLineSpan();
        Assert.Equal(BrokenPath, span.Path);
        Assert.Equal((1, 9), (span.StartLinePosition.Line, span.StartLinePosition.Character));
    }

    [Theory]
    [InlineData("@using Bogus.Ns\n<h1>@Model.Name</h1>\n", 0, 7)]
    [InlineData("<h1>@Model.Name</h1>\n@using Bogus.Ns\n", 1, 7)]
    [InlineData("@using static Bogus.Ns.Helpers\n<h1>@Model.Name</h1>\n", 0, 14)]
    public void A_bad_using_is_one_error_at_its_template_line_and_column(string template, int line, int column)
    {
        var result = GeneratorHarness.Run(TwoEmails, ("Emails/WelcomeEmail.cshtml", template), GoodBye);

        Assert.Empty(result.GeneratorDiagnostics);
        AssertSingleErrorAt("CS0246", BrokenPath, line, column, result.CompilationErrors);
    }

    [Fact]
    public void A_bad_using_in_a_template_with_a_syntax_error_is_reported_at_the_template_too_and_only_there()
    {
        var result = GeneratorHarness.Run(TwoEmails, ("Emails/WelcomeEmail.cshtml", "@using Bogus.Ns\n<h1>@Model.Name</h1>\n@if (true) {\n"), GoodBye);

        Assert.Equal("SESM0201", Assert.Single(result.GeneratorDiagnostics).Id);
        AssertSingleErrorAt("CS0246", BrokenPath, 0, 7, result.CompilationErrors);
    }

    [Fact]
    public void A_bad_model_type_in_a_partial_is_one_error_at_its_model_directive()
    {
        var result = GeneratorHarness.Run(
            TwoEmails,
            ("Emails/WelcomeEmail.cshtml", "<h1>@Model.Name</h1>\n"),
            ("Shared/_Card.cshtml", "@using System.Text\n@model NoSuchCard\n<p>@Model</p>\n"),
            GoodBye);

        Assert.Empty(result.GeneratorDiagnostics);
        AssertSingleErrorAt("CS0246", "/project/Shared/_Card.cshtml", 1, 7, result.CompilationErrors);
    }

    [Fact]
    public void A_model_type_that_is_not_the_emails_is_one_error_at_its_model_directive()
    {
        var result = GeneratorHarness.Run(TwoEmails, ("Emails/WelcomeEmail.cshtml", "@model NoSuchEmail\n<h1>@Model.Name</h1>\n"), GoodBye);

        Assert.Empty(result.CompilationErrors);
        var error = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("SESM0003", error.Id);
        var span = error.Location.GetLineSpan();
        Assert.Equal(BrokenPath, span.Path);
        Assert.Equal((0, 7), (span.StartLinePosition.Line, span.StartLinePosition.Character));
    }

    [Theory]
    [InlineData("@inherits NoSuchBase\n<h1>@Model.Name</h1>\n", 0, 10)]
    [InlineData("@using SesMailer.Rendering\n@inherits EmailTemplate<NoSuchEmail>\n<h1>x</h1>\n", 1, 24)]
    public void A_bad_inherits_type_is_one_error_at_its_template_line_and_column(string template, int line, int column)
    {
        var result = GeneratorHarness.Run(TwoEmails, ("Emails/WelcomeEmail.cshtml", template), GoodBye);

        // The build stops at declaration errors (csc binds no method bodies after them), so these are all it reports.
        Assert.Empty(result.GeneratorDiagnostics);
        var declarationErrors = result.Output.GetDeclarationDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        AssertSingleErrorAt("CS0246", BrokenPath, line, column, declarationErrors);
    }

    [Fact]
    public void A_valid_inherits_type_resolved_through_a_using_compiles()
    {
        var result = GeneratorHarness.Run(TwoEmails, ("Emails/WelcomeEmail.cshtml", "@using SesMailer.Rendering\n@inherits EmailTemplate<WelcomeEmail>\n<h1>@Model.Name</h1>\n"), GoodBye);

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.True(result.CompilationErrors.IsEmpty, string.Join("\n", result.CompilationErrors));
    }

    [Fact]
    public void A_model_type_from_a_using_of_the_template_compiles()
    {
        var result = GeneratorHarness.Run(
            [TwoEmails, "namespace Demo.Cards; public sealed record Card(string Title);"],
            ("Emails/WelcomeEmail.cshtml", "<h1>@Model.Name</h1>\n"),
            ("Shared/_Card.cshtml", "@using Demo.Cards\n@model Card\n<p>@Model.Title</p>\n"),
            GoodBye);

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.True(result.CompilationErrors.IsEmpty, string.Join("\n", result.CompilationErrors));
    }

    [Fact]
    public async Task With_a_broken_template_the_other_email_renders_and_the_broken_one_fails_naming_its_file()
    {
        var result = GeneratorHarness.Run(TwoEmails, ("Emails/WelcomeEmail.cshtml", "<h1>@Model.Name</h1>\n@if (true) {\n"), GoodBye);
        AssertOnlySyntaxErrorsIn(BrokenPath, result);

        // The build would stop at SESM0201; emitting anyway shows what the stand-in does if the error were configured away.
        var context = new AssemblyLoadContext(nameof(With_a_broken_template_the_other_email_renders_and_the_broken_one_fails_naming_its_file), isCollectible: true);
        try
        {
            using var image = new MemoryStream();
            var emit = result.Output.Emit(image);
            Assert.True(emit.Success, string.Join("; ", emit.Diagnostics));
            image.Position = 0;
            var assembly = context.LoadFromStream(image);

            var bye = await Render(assembly, "Bye", "Ann");
            Assert.Equal("<p>Bye Ann</p>\n", bye.Html);

            var welcome = await Assert.ThrowsAsync<InvalidOperationException>(() => Render(assembly, "Welcome", "Ann"));
            var message = welcome.Message;
            Assert.Contains("'" + BrokenPath + "'", message, StringComparison.Ordinal);
            Assert.Contains("SESM0201", message, StringComparison.Ordinal);
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Calls the generated <c>Render{Name}Async</c> of <c>Demo.{Name}Email</c>.</summary>
    private static Task<RenderedEmail> Render(Assembly assembly, string name, string modelName)
    {
        var model = Activator.CreateInstance(assembly.GetType("Demo." + name + "Email", throwOnError: true)!, modelName);
        var modelType = model!.GetType();
        var render = assembly.GetType("Demo." + name + "EmailMailer", throwOnError: true)!.GetMethod("Render" + name + "Async", [modelType, typeof(CancellationToken)])
            ?? throw new MissingMethodException("Demo." + name + "EmailMailer", "Render" + name + "Async");
        return (Task<RenderedEmail>)render.Invoke(null, [model, CancellationToken.None])!;
    }

    /// <summary>Exactly one compilation error, <paramref name="id"/>, at the 0-based line and column of <paramref name="path"/>.</summary>
    private static void AssertSingleErrorAt(string id, string path, int line, int column, ImmutableArray<Diagnostic> errors)
    {
        var error = Assert.Single(errors);
        Assert.Equal(id, error.Id);
        var span = error.Location.GetMappedLineSpan();
        Assert.Equal(path, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line, span.StartLinePosition.Character));
    }

    /// <summary>Only SESM0201s, all in <paramref name="path"/>, and the generated code compiles.</summary>
    private static void AssertOnlySyntaxErrorsIn(string path, GeneratorHarness.Result result)
    {
        Assert.NotEmpty(result.GeneratorDiagnostics);
        Assert.All(result.GeneratorDiagnostics, d =>
        {
            Assert.Equal("SESM0201", d.Id);
            Assert.Equal(path, d.Location.GetLineSpan().Path);
        });
        Assert.True(result.CompilationErrors.IsEmpty, string.Join("\n", result.CompilationErrors));
    }
}
