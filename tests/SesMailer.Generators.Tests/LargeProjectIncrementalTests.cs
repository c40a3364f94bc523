using System.Text;
using Microsoft.CodeAnalysis;
using SesMailer.Generators.Tests.Infrastructure;
using Xunit;

namespace SesMailer.Generators.Tests;

/// <summary>
/// The project size of issue 12 (100 emails, an HTML and a text template each, a shared layout): editing one
/// template recompiles that template alone and regenerates one file; the 199 other templates and the two layouts come from the cache.
/// </summary>
public class LargeProjectIncrementalTests
{
    private const int Emails = 100;

    [Fact]
    public void Editing_one_template_of_a_100_email_project_regenerates_only_it()
    {
        var (templates, compilation) = Project();
        var driver = GeneratorHarness.Driver(templates).RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().Diagnostics);
        Assert.Equal((2 * Emails) + 2, driver.GetRunResult().Results.Single().TrackedSteps["CompiledTemplates"].SelectMany(s => s.Outputs).Count());

        var original = templates.Single(t => t.Path.EndsWith("/Email042.cshtml", StringComparison.Ordinal));
        var edited = GeneratorHarness.Template("Email042.cshtml", "<h1>Edited, @Model.Name</h1><p>@Model.Total</p>");
        var result = driver.ReplaceAdditionalText(original, edited).RunGenerators(compilation).GetRunResult().Results.Single();

        var compiled = result.TrackedSteps["CompiledTemplates"].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, compiled.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal((2 * Emails) + 1, compiled.Count(r => r == IncrementalStepRunReason.Cached));
        foreach (var name in new[] { "Emails", "ResolvedEmails", "Bindings", "Imports" })
        {
            Assert.All(
                result.TrackedSteps[name].SelectMany(s => s.Outputs),
                o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {o.Reason}"));
        }

        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, outputs.Count(r => r != IncrementalStepRunReason.Cached));
        Assert.Contains("Edited, ", result.GeneratedSources.Single(s => s.HintName == "Templates/Template_Email042.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    /// <summary>100 email records with a subject, an HTML template on a layout and a text template each.</summary>
    internal static (List<AdditionalText> Templates, Microsoft.CodeAnalysis.CSharp.CSharpCompilation Compilation) Project()
    {
        var source = new StringBuilder("using SesMailer;\nnamespace Demo;\n");
        var templates = new List<AdditionalText>
        {
            GeneratorHarness.Template("_Layout.cshtml", "<html><body><main>@RenderBody()</main></body></html>"),
            GeneratorHarness.Template("_Layout.text.cshtml", "@RenderBody()\n-- Demo"),
        };
        for (var i = 0; i < Emails; i++)
        {
            var name = $"Email{i:000}";
            source.Append("[Email(Subject = \"Hello {Name}\", Layout = \"_Layout\")]\n")
                .Append("public sealed partial record ").Append(name).Append("(string Name, decimal Total);\n");
            templates.Add(GeneratorHarness.Template(name + ".cshtml", $"<h1>Hello, @Model.Name</h1>\n@if (Model.Total > 0)\n{{\n<p>Total: @Model.Total.ToString(\"0.00\")</p>\n}}\n<p>{name}</p>"));
            templates.Add(GeneratorHarness.Template(name + ".text.cshtml", $"Hello @Model.Name, {name}"));
        }

        return (templates, GeneratorHarness.Compilation(source.ToString()));
    }
}
