using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SesMailer.Generators.Tests.Infrastructure;
using Xunit;

namespace SesMailer.Generators.Tests;

/// <summary>The pipeline caches: an unrelated edit reruns nothing; editing one template recompiles only that template.</summary>
public class IncrementalTests
{
    private const string Source = """
        using SesMailer;
        namespace Demo;
        [Email(Subject = "Welcome, {Name}!", Layout = "_Layout")]
        public sealed partial record WelcomeEmail(string Name);
        [Email(Subject = "Bye, {Name}")]
        public sealed partial record GoodbyeEmail(string Name);
        """;

    private static readonly string[] StepNames =
    [
        "TemplateFiles", "TemplateEntries", "Imports", "Emails", "ResolvedEmails",
        "Bindings", "TemplateInputs", "CompiledTemplates", "TemplateSummaries", "Registry",
    ];

    private static readonly AdditionalText Welcome = GeneratorHarness.Template("WelcomeEmail.cshtml", "<h1>@Model.Name</h1>");
    private static readonly AdditionalText WelcomeText = GeneratorHarness.Template("WelcomeEmail.text.cshtml", "Hello @Model.Name");
    private static readonly AdditionalText Goodbye = GeneratorHarness.Template("GoodbyeEmail.cshtml", "<p>@Model.Name</p>");
    private static readonly AdditionalText Layout = GeneratorHarness.Template("_Layout.cshtml", "<main>@RenderBody()</main>");
    private static readonly AdditionalText TextLayout = GeneratorHarness.Template("_Layout.text.cshtml", "@RenderBody()");
    private static readonly AdditionalText Imports = GeneratorHarness.Template("_ViewImports.cshtml", "@using System.Text");

    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        var (driver, compilation) = FirstRun();

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Demo; public static class Unrelated { public static int X => 1; }", new CSharpParseOptions(LanguageVersion.Latest), path: "/project/Unrelated.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var name in StepNames)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), $"step {name} was not tracked");
            foreach (var step in result.TrackedSteps[name])
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {reason}");
                }
            }
        }

        foreach (var output in result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs))
        {
            Assert.Equal(IncrementalStepRunReason.Cached, output.Reason);
        }
    }

    [Fact]
    public void Editing_one_template_recompiles_only_that_template()
    {
        var (driver, compilation) = FirstRun();

        var edited = GeneratorHarness.Template("GoodbyeEmail.cshtml", "<p>Goodbye, @Model.Name!</p>");
        var result = driver.ReplaceAdditionalText(Goodbye, edited).RunGenerators(compilation).GetRunResult().Results.Single();

        var compiled = result.TrackedSteps["CompiledTemplates"].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, compiled.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(4, compiled.Count(r => r == IncrementalStepRunReason.Cached));
        foreach (var name in new[] { "Emails", "ResolvedEmails", "TemplateEntries", "Bindings" })
        {
            Assert.All(result.TrackedSteps[name].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {o.Reason}"));
        }

        var regenerated = result.GeneratedSources.Single(s => s.HintName == "Templates/Template_GoodbyeEmail.g.cs").SourceText.ToString();
        Assert.Contains("Goodbye, ", regenerated, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_models_hold_no_symbols_syntax_locations_or_compilations()
    {
        var (driver, _) = FirstRun();
        var result = driver.GetRunResult().Results.Single();
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var walked = 0;

        foreach (var name in StepNames)
        {
            foreach (var (value, _) in result.TrackedSteps[name].SelectMany(s => s.Outputs))
            {
                Walk(value, name, visited, ref walked);
            }
        }

        Assert.True(walked > 50, $"walked only {walked} objects");
    }

    private static void Walk(object? value, string path, HashSet<object> visited, ref int walked)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or SyntaxTree or Location or Compilation or SemanticModel or SourceText or AdditionalText,
            $"{path} holds a {value.GetType().Name}");
        if (!value.GetType().IsValueType && !visited.Add(value))
        {
            return;
        }

        walked++;
        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                Walk(item, $"{path}[{index++}]", visited, ref walked);
            }

            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), path + "." + field.Name, visited, ref walked);
        }
    }

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun()
    {
        var compilation = GeneratorHarness.Compilation(Source);
        var driver = GeneratorHarness.Driver([Welcome, WelcomeText, Goodbye, Layout, TextLayout, Imports]).RunGenerators(compilation);
        var first = driver.GetRunResult();
        Assert.Empty(first.Diagnostics);
        return (driver, compilation);
    }
}
