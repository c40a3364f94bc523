using System.Collections.Immutable;
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
/// The generator keeps the templates it compiled for later runs in the same process (its <c>CompiledTemplates</c>
/// store, as in the compiler server), so <see cref="FullRun"/> is a rebuild with unchanged templates;
/// <see cref="FullRunTemplatesChanged"/> and <see cref="EditOneTemplate"/> give every template they compile a text
/// never seen before, so Razor compiles it.
/// </remarks>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private GeneratedProject _project = null!;
    private GeneratorDriver _edited = null!;
    private AdditionalText _current = null!;
    private string _editedName = null!;
    private int _version;

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
        GeneratorCheck.FullRun(_project, FullRunTemplatesChanged());

        var original = _project.Templates.Single(t => t.Path.EndsWith("/" + GeneratedProject.Name(Math.Min(42, Emails)) + ".cshtml", StringComparison.Ordinal));
        var edited = GeneratedProject.Template(Path.GetFileName(original.Path), "<h1>Edited, @Model.Name</h1><p>@Model.Total</p>\n");
        GeneratorCheck.Edit(_project, original, edited);

        // The measured edit gives one template a new text each time, so every invocation is a real edit.
        _edited = _project.Driver(trackSteps: false).RunGenerators(_project.Compilation);
        _current = original;
        _editedName = Path.GetFileName(original.Path);
    }

    /// <summary>A new driver over the whole project, its templates unchanged since the last run (a rebuild after a C# edit).</summary>
    [Benchmark(Description = "full run (new driver)")]
    public GeneratorDriver FullRun() => _project.Driver(trackSteps: false).RunGenerators(_project.Compilation);

    /// <summary>A new driver over the whole project, every template with a text this process has not compiled yet.</summary>
    [Benchmark(Description = "full run, every template changed (new driver)")]
    public GeneratorDriver FullRunTemplatesChanged() =>
        _project.Driver(trackSteps: false, _project.Templates.Select(t => GeneratedProject.Template(Path.GetFileName(t.Path), Version() + t.GetText()!)).ToImmutableArray())
            .RunGenerators(_project.Compilation);

    /// <summary>One template edited, the driver of the previous run reused.</summary>
    [Benchmark(Description = "one template edited (cached driver)")]
    public GeneratorDriver EditOneTemplate()
    {
        var next = GeneratedProject.Template(_editedName, Version() + "<h1>Edited, @Model.Name</h1><p>@Model.Total</p>\n");
        _edited = _edited.ReplaceAdditionalText(_current, next).RunGenerators(_project.Compilation);
        _current = next;
        return _edited;
    }

    // A Razor comment that makes a template's text new to this process and changes nothing it renders.
    private string Version() => "@* version " + (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture) + " *@\n";
}
