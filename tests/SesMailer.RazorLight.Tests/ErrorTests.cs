using SesMailer.RazorLight.Tests.Models;
using Xunit;

namespace SesMailer.RazorLight.Tests;

/// <summary>Missing templates, templates that do not compile, wrong models: clear exceptions naming the template.</summary>
public sealed class ErrorTests(MemoryEngineFixture fixture) : IClassFixture<MemoryEngineFixture>
{
    private static readonly Greeting Model = new("Ann", []);

    private RazorLightEmailEngine Engine => fixture.Engine;

    [Fact]
    public async Task A_missing_template_names_both_paths_looked_for()
    {
        var error = await Assert.ThrowsAsync<EmailTemplateNotFoundException>(() => Engine.RenderAsync("Nope/Welcome", Model));

        Assert.Equal(["Nope/Welcome.cshtml", "Nope/Welcome.text.cshtml"], error.SearchedPaths);
        Assert.Contains("Email template 'Nope/Welcome' not found", error.Message, StringComparison.Ordinal);
        Assert.False(await Engine.ExistsAsync("Nope/Welcome"));
        Assert.True(await Engine.ExistsAsync("TextOnly"));
    }

    [Fact]
    public async Task A_csharp_error_gives_the_template_line_column_and_compiler_message()
    {
        var error = await Assert.ThrowsAsync<EmailTemplateCompilationException>(() => Engine.RenderAsync("Broken/Typo", Model));

        Assert.Equal("Broken/Typo.cshtml", error.TemplatePath);
        var single = Assert.Single(error.Errors);
        Assert.Equal(("Broken/Typo.cshtml", 3, 13), (single.Path, single.Line, single.Column));
        Assert.Contains("'Greeting' does not contain a definition for 'Nmae'", single.Message, StringComparison.Ordinal);
        Assert.Contains("Template 'Broken/Typo.cshtml' does not compile:", error.Message, StringComparison.Ordinal);
        Assert.Contains("Broken/Typo.cshtml(3,13): error: 'Greeting' does not contain a definition for 'Nmae'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_razor_syntax_error_gives_the_template_and_line()
    {
        var error = await Assert.ThrowsAsync<EmailTemplateCompilationException>(() => Engine.RenderAsync("Broken/Razor", Model));

        Assert.Equal("Broken/Razor.cshtml", error.TemplatePath);
        Assert.Contains(error.Errors, e => e.Path == "Broken/Razor.cshtml" && e.Line == 2 && e.Id is not null && e.Id.StartsWith("RZ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_model_of_the_wrong_type_names_the_template_and_both_types()
    {
        var error = await Assert.ThrowsAsync<EmailTemplateModelException>(() => Engine.RenderAsync("Greeting", new Order("1", 1m, DateTime.UnixEpoch, null)));

        Assert.Equal("Greeting.cshtml", error.TemplatePath);
        Assert.Equal(typeof(Greeting), error.ExpectedType);
        Assert.Equal(typeof(Order), error.ActualType);
        Assert.Contains("Template 'Greeting.cshtml' expects a model of type SesMailer.RazorLight.Tests.Models.Greeting, but got SesMailer.RazorLight.Tests.Models.Order", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partial_given_the_wrong_model_names_the_partial()
    {
        var error = await Assert.ThrowsAsync<EmailTemplateModelException>(() => Engine.RenderAsync("Broken/WrongPartialModel", Model));

        Assert.Equal("_shared/_Button.cshtml", error.TemplatePath);
        Assert.Equal(typeof(SesMailer.Rendering.ButtonModel), error.ExpectedType);
    }

    [Fact]
    public async Task A_missing_layout_or_partial_names_it_and_the_template_that_asked()
    {
        var layout = await Assert.ThrowsAsync<EmailTemplateNotFoundException>(() => Engine.RenderAsync("Broken/NoLayout", Model));
        var partial = await Assert.ThrowsAsync<EmailTemplateNotFoundException>(() => Engine.RenderAsync("Broken/NoPartial", Model));

        Assert.StartsWith("Layout '_Missing' (Html) named by 'Broken/NoLayout.cshtml' not found", layout.Message, StringComparison.Ordinal);
        Assert.Equal(["Broken/_Missing.cshtml", "_Missing.cshtml", "_shared/_Missing.cshtml"], layout.SearchedPaths);
        Assert.StartsWith("Partial '_Nowhere' (Html) named by 'Broken/NoPartial.cshtml' not found", partial.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_layout_cycle_is_stopped_with_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<EmailTemplateException>(() => Engine.RenderAsync("Broken/Cycle", Model));

        Assert.Equal("Layouts of 'Broken/Cycle.cshtml' nest deeper than 16 levels; is there a cycle through '_Loop'?", error.Message);
    }

    [Fact]
    public async Task A_template_with_its_own_base_class_is_refused()
    {
        var error = await Assert.ThrowsAsync<EmailTemplateException>(() => Engine.RenderAsync("Broken/Inherits", Model));

        Assert.Contains("must not use @inherits", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../Secret")]
    [InlineData("a/../../b")]
    [InlineData("_shared/_Layout")]
    [InlineData(" ")]
    public async Task A_name_outside_the_templates_root_is_rejected(string name)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Engine.RenderAsync(name, Model));
    }

    [Fact]
    public async Task A_subject_naming_no_member_is_rejected_before_rendering()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Engine.RenderAsync("Greeting", Model, "Hi {Nmae}"));

        Assert.Contains("placeholder '{Nmae}' names no member of SesMailer.RazorLight.Tests.Models.Greeting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_that_does_not_exist_is_rejected_when_building()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => new RazorLightEmailEngineBuilder().UseFolder("/no/such/folder"));

        Assert.Contains("/no/such/folder", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => new RazorLightEmailEngineBuilder().Build());
        Assert.Throws<ArgumentException>(() => new RazorLightEmailEngineBuilder().UseTemplates(new Dictionary<string, string> { ["Welcome.html"] = "x" }));
    }
}

/// <summary>An engine whose operating assembly has no compilation context: the error says what to fix.</summary>
public sealed class MissingCompilationContextTests
{
    [Fact]
    public async Task Says_to_preserve_the_compilation_context()
    {
        // SesMailer.dll has no deps.json beside it here, as an application built without PreserveCompilationContext.
        var engine = new RazorLightEmailEngineBuilder()
            .UseTemplates(new Dictionary<string, string> { ["A.cshtml"] = "<p>@Model</p>" })
            .UseOperatingAssembly(typeof(IMailer).Assembly)
            .Build();

        var error = await Assert.ThrowsAsync<EmailTemplateCompilationException>(() => engine.RenderAsync("A", "x"));

        Assert.Contains("the host project needs <PreserveCompilationContext>true</PreserveCompilationContext>", error.Message, StringComparison.Ordinal);
        Assert.Contains("(SesMailer)", error.Message, StringComparison.Ordinal);
    }
}
