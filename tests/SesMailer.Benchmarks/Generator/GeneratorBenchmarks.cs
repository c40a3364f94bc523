using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace SesMailer.Benchmarks.Generator;

/// <summary>
/// SesMailer's source generator run in-process by a Roslyn <see cref="GeneratorDriver"/>, over the project
/// <c>measure.sh</c> builds (issue 12: under 2 ms per email for 10 and 100 emails; editing one template of the
/// 100-email project regenerates only it, in under 20 ms). <see cref="FullRun"/> is a first build (a new driver);
/// <see cref="EditOneTemplate"/> is what an IDE or the compiler server does after an edit: the same driver, one
/// template's text changed, every other step answered from the driver's cache.
/// </summary>
/// <remarks>
/// Step tracking (<c>trackIncrementalGeneratorSteps</c>) is off while measuring: the compiler leaves it off in a build,
/// and recording the steps of this pipeline costs more than running it. The setup turns it on to prove what ran.
/// </remarks>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private GeneratedProject _project = null!;
    private GeneratorDriver _edited = null!;
    private AdditionalText _current = null!;
    private AdditionalText _other = null!;

    /// <summary>Emails in the project (two templates each, plus two layouts).</summary>
    [Params(10, 100)]
    public int Emails { get; set; }

    /// <summary>
    /// Proves the runs do what they are said to: a full run generates every template, every email and the registry
    /// with no diagnostic; an edit recompiles exactly the edited template (step reasons), regenerates only its file,
    /// and leaves every generated file equal to what a full run over the edited project writes.
    /// </summary>
    [GlobalSetup]
    public void Setup()
    {
        _project = GeneratedProject.Create(Emails);
        GeneratorCheck.FullRun(_project, _project.Driver(trackSteps: false).RunGenerators(_project.Compilation));

        var original = _project.Templates.Single(t => t.Path.EndsWith("/" + GeneratedProject.Name(Math.Min(42, Emails)) + ".cshtml", StringComparison.Ordinal));
        var edited = GeneratedProject.Template(Path.GetFileName(original.Path), "<h1>Edited, @Model.Name</h1><p>@Model.Total</p>\n");
        GeneratorCheck.Edit(_project, original, edited);

        // The measured edit flips one template between two texts, so every invocation is a real edit.
        _edited = _project.Driver(trackSteps: false).RunGenerators(_project.Compilation);
        _current = original;
        _other = edited;
    }

    /// <summary>A first run: a new driver over the whole project.</summary>
    [Benchmark(Description = "full run (new driver)")]
    public GeneratorDriver FullRun() => _project.Driver(trackSteps: false).RunGenerators(_project.Compilation);

    /// <summary>One template edited, the driver of the previous run reused.</summary>
    [Benchmark(Description = "one template edited (cached driver)")]
    public GeneratorDriver EditOneTemplate()
    {
        _edited = _edited.ReplaceAdditionalText(_current, _other).RunGenerators(_project.Compilation);
        (_current, _other) = (_other, _current);
        return _edited;
    }
}
