using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SesMailer.Generators;

namespace SesMailer.Generators.Tests.Infrastructure;

/// <summary>Runs <see cref="EmailGenerator"/> in memory over C# sources and template files, offline (reference assemblies from a package).</summary>
internal static class GeneratorHarness
{
    public const string ProjectDirectory = "/project/";

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(EmailAttribute).Assembly.Location),
    ];

    public static CSharpCompilation Compilation(params string[] sources) => Compilation("Consumer", [], sources);

    public static CSharpCompilation Compilation(string assemblyName, IEnumerable<MetadataReference> extraReferences, params string[] sources) => CSharpCompilation.Create(
        assemblyName,
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest), path: $"{ProjectDirectory}Source{i}.cs")),
        References.Concat(extraReferences),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> templates, IReadOnlyDictionary<string, Dictionary<string, string>>? metadata = null) => CSharpGeneratorDriver.Create(
        [new EmailGenerator().AsSourceGenerator()],
        templates,
        new CSharpParseOptions(LanguageVersion.Latest),
        new OptionsProvider(metadata ?? new Dictionary<string, Dictionary<string, string>>()),
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static AdditionalText Template(string relativePath, string text) => new InMemoryText(ProjectDirectory + relativePath, text);

    /// <summary>Runs the generator; returns the run and the diagnostics of the compilation including generated code.</summary>
    public static Result Run(string source, params (string Path, string Text)[] templates) =>
        Run([source], templates);

    public static Result Run(string[] sources, params (string Path, string Text)[] templates) =>
        Run(Compilation(sources), templates);

    public static Result Run(CSharpCompilation compilation, params (string Path, string Text)[] templates) =>
        Run(compilation, new Dictionary<string, Dictionary<string, string>>(), templates);

    /// <summary>Runs the generator with item metadata for some files (by project-relative path), as MSBuild gives it (<c>StronglyTypedClassName</c>).</summary>
    public static Result Run(CSharpCompilation compilation, IReadOnlyDictionary<string, Dictionary<string, string>> metadata, params (string Path, string Text)[] templates)
    {
        var driver = Driver(templates.Select(t => Template(t.Path, t.Text)), metadata);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new Result(driver.GetRunResult(), output, generatorDiagnostics, output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error || d.Id == "CS0436").ToImmutableArray());
    }

    /// <summary>
    /// The analyzers the generator assembly ships, found as the compiler finds them (public types marked
    /// <see cref="DiagnosticAnalyzerAttribute"/>), run over the compilation including generated code.
    /// </summary>
    public static ImmutableArray<Diagnostic> AnalyzerDiagnostics(Compilation compilation)
    {
        var analyzers = typeof(EmailGenerator).Assembly.GetExportedTypes()
            .Where(t => !t.IsAbstract && t.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        if (analyzers.IsEmpty)
        {
            return [];
        }

        return compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }

    internal sealed record Result(GeneratorDriverRunResult Run, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, ImmutableArray<Diagnostic> CompilationErrors)
    {
        public string Source(string hintNameEnd) =>
            Run.Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith(hintNameEnd, StringComparison.Ordinal)).SourceText.ToString();

        public IEnumerable<string> HintNames => Run.Results.Single().GeneratedSources.Select(s => s.HintName);
    }

    internal sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class OptionsProvider(IReadOnlyDictionary<string, Dictionary<string, string>> metadata) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string> { ["build_property.projectdir"] = ProjectDirectory });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        /// <summary>
        /// Every file is marked as a template (as the MSBuild glue does) unless it is under Views/ (an MVC view);
        /// a .resx is marked as a resource.
        /// </summary>
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            textFile.Path.EndsWith(".resx", StringComparison.Ordinal) && metadata.TryGetValue(textFile.Path[ProjectDirectory.Length..], out var items)
                ? new Options(new Dictionary<string, string>(items.Select(i => KeyValuePair.Create("build_metadata.AdditionalFiles." + i.Key, i.Value))) { ["build_metadata.AdditionalFiles.SesMailerResource"] = "true" })
            : textFile.Path.EndsWith(".resx", StringComparison.Ordinal) ? Options.Resource
            : textFile.Path.StartsWith(ProjectDirectory + "Views/", StringComparison.Ordinal) ? Options.Empty
            : Options.Template;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new([]);

            public static readonly Options Template = new(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.SesMailerTemplate"] = "true" });

            public static readonly Options Resource = new(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.SesMailerResource"] = "true" });

            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
