using Microsoft.CodeAnalysis;

namespace SesMailer.Benchmarks.Generator;

/// <summary>The setup checks of <see cref="GeneratorBenchmarks"/>: what a run generated, and what an edit re-ran.</summary>
internal static class GeneratorCheck
{
    /// <summary>A full run generated one file per template and per email, the registry, and no diagnostic.</summary>
    public static void FullRun(GeneratedProject project, GeneratorDriver driver)
    {
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is { } exception)
        {
            throw new InvalidOperationException($"{project.Emails} emails: the generator threw: {exception.Message}", exception);
        }

        if (!result.Diagnostics.IsEmpty)
        {
            throw new InvalidOperationException($"{project.Emails} emails: the generator reported {result.Diagnostics[0]}");
        }

        var hintNames = result.GeneratedSources.Select(s => s.HintName).ToList();
        var templates = hintNames.Count(h => h.StartsWith("Templates/", StringComparison.Ordinal));
        var emails = Enumerable.Range(1, project.Emails).Count(i => hintNames.Any(h => h.EndsWith("_" + GeneratedProject.Name(i) + ".g.cs", StringComparison.Ordinal) && !h.StartsWith("Templates/", StringComparison.Ordinal)));
        // The shipped templates (_shared/) come with SesMailer's package props in a build, not in this project.
        if (templates != project.TemplateCount || emails != project.Emails || !hintNames.Contains("SesMailerRegistry.g.cs"))
        {
            throw new InvalidOperationException(
                $"{project.Emails} emails: expected {project.TemplateCount} templates, {project.Emails} emails and the registry; generated {string.Join(", ", hintNames)}");
        }
    }

    /// <summary>
    /// Editing <paramref name="original"/> recompiled that template alone and regenerated its file alone, and every
    /// generated file equals what a new driver writes for the edited project.
    /// </summary>
    public static void Edit(GeneratedProject project, AdditionalText original, AdditionalText edited)
    {
        var driver = project.Driver(trackSteps: true).RunGenerators(project.Compilation);
        var result = driver.ReplaceAdditionalText(original, edited).RunGenerators(project.Compilation).GetRunResult().Results.Single();

        var compiled = result.TrackedSteps["CompiledTemplates"].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        var recompiled = compiled.Count(r => r == IncrementalStepRunReason.Modified);
        var cached = compiled.Count(r => r == IncrementalStepRunReason.Cached);
        if (recompiled != 1 || cached != project.TemplateCount - 1)
        {
            throw new InvalidOperationException($"{project.Emails} emails, one template edited: {recompiled} templates recompiled and {cached} cached, expected 1 and {project.TemplateCount - 1}.");
        }

        var regenerated = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Count(o => o.Reason != IncrementalStepRunReason.Cached);
        if (regenerated != 1)
        {
            throw new InvalidOperationException($"{project.Emails} emails, one template edited: {regenerated} outputs regenerated, expected 1.");
        }

        var fresh = CSharpGeneratorDriverFor(project, original, edited).GetRunResult().Results.Single();
        var incremental = result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        var full = fresh.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        if (incremental.Count != full.Count || full.Any(f => !incremental.TryGetValue(f.Key, out var text) || text != f.Value))
        {
            var differing = full.Keys.Where(k => !incremental.TryGetValue(k, out var text) || text != full[k]).Take(3);
            throw new InvalidOperationException($"{project.Emails} emails, one template edited: the incremental run differs from a full run in {string.Join(", ", differing)}.");
        }

        var editedFile = incremental.Single(f => f.Key.StartsWith("Templates/", StringComparison.Ordinal) && f.Key.EndsWith("_" + Path.GetFileNameWithoutExtension(original.Path) + ".g.cs", StringComparison.Ordinal));
        if (!editedFile.Value.Contains("Edited, ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{project.Emails} emails: the edited template's generated file does not hold the edit.");
        }
    }

    private static GeneratorDriver CSharpGeneratorDriverFor(GeneratedProject project, AdditionalText original, AdditionalText edited) =>
        project.Driver(trackSteps: false).ReplaceAdditionalText(original, edited).RunGenerators(project.Compilation);
}
