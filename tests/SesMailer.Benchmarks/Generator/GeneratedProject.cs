using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SesMailer.Benchmarks.Generator;

/// <summary>
/// The project <c>measure.sh</c> builds, in memory: <c>N</c> [Email] records in one file, each with an HTML template
/// on a layout (a conditional, a formatted number) and a text template, plus the two layouts; the AdditionalFiles
/// carry the metadata SesMailer's MSBuild glue sets (<c>SesMailerTemplate</c>), so the generator sees what it sees in a build.
/// </summary>
internal sealed class GeneratedProject
{
    public const string Directory = "/project/";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    // The framework the benchmark runs on, and SesMailer (for [Email]); the compiler server gives a build the same.
    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
            .Select(path => MetadataReference.CreateFromFile(path)),
        MetadataReference.CreateFromFile(typeof(EmailAttribute).Assembly.Location),
    ];

    private GeneratedProject(int emails, CSharpCompilation compilation, ImmutableArray<AdditionalText> templates)
    {
        Emails = emails;
        Compilation = compilation;
        Templates = templates;
    }

    public int Emails { get; }

    public CSharpCompilation Compilation { get; }

    public ImmutableArray<AdditionalText> Templates { get; }

    /// <summary>Templates compiled by a full run: two per email and the two layouts.</summary>
    public int TemplateCount => (2 * Emails) + 2;

    public static GeneratedProject Create(int emails)
    {
        var source = new StringBuilder("using SesMailer;\nnamespace Demo;\n");
        var templates = ImmutableArray.CreateBuilder<AdditionalText>();
        templates.Add(Template("_Layout.cshtml", "<html><body><main>@RenderBody()</main></body></html>\n"));
        templates.Add(Template("_Layout.text.cshtml", "@RenderBody()\n-- Demo\n"));
        for (var i = 1; i <= emails; i++)
        {
            var name = Name(i);
            source.Append("[Email(Subject = \"Hello {Name}\", Layout = \"_Layout\")] public sealed partial record ")
                .Append(name).Append("(string Name, decimal Total);\n");
            templates.Add(Template(name + ".cshtml", $"<h1>Hello, @Model.Name</h1>\n@if (Model.Total > 0)\n{{\n<p>Total: @Model.Total.ToString(\"0.00\")</p>\n}}\n<p>Email {i}</p>\n"));
            templates.Add(Template(name + ".text.cshtml", $"Hello @Model.Name, email {i}\n"));
        }

        var compilation = CSharpCompilation.Create(
            "Emails" + emails,
            [CSharpSyntaxTree.ParseText(source.ToString(), ParseOptions, path: Directory + "Emails.cs")],
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return new GeneratedProject(emails, compilation, templates.ToImmutable());
    }

    /// <summary>The record (and template) name of email <paramref name="index"/>, numbered from 1.</summary>
    public static string Name(int index) => $"Email{index:000}";

    public static AdditionalText Template(string name, string text) => new InMemoryText(Directory + "Emails/" + name, text);

    /// <summary>
    /// A driver for SesMailer's generator over this project (or over <paramref name="templates"/> in place of its own);
    /// step tracking costs more than the generator itself, so only checks turn it on.
    /// </summary>
    public GeneratorDriver Driver(bool trackSteps, ImmutableArray<AdditionalText>? templates = null) => CSharpGeneratorDriver.Create(
        [new SesMailer.Generators.EmailGenerator().AsSourceGenerator()],
        templates ?? Templates,
        ParseOptions,
        new TemplateOptions(),
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>What the MSBuild glue gives the compiler: the project folder, and every .cshtml marked as a template.</summary>
    private sealed class TemplateOptions : AnalyzerConfigOptionsProvider
    {
        private static readonly Options None = new(new Dictionary<string, string>());
        private static readonly Options Template = new(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.SesMailerTemplate"] = "true" });

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string> { ["build_property.projectdir"] = Directory });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Template;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
