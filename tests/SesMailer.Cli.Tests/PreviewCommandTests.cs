using System.Reflection;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MimeKit;
using SesMailer.TestSupport;
using Xunit;

namespace SesMailer.Cli.Tests;

/// <summary>
/// sesmailer preview and lint on real build outputs: the WebApp sample (clean) and the preview tests' assembly (a
/// template that throws, an email with an error-level finding), each loaded in its own AssemblyLoadContext.
/// </summary>
public sealed class PreviewCommandTests : IDisposable
{
    private static readonly string Configuration = typeof(PreviewCommandTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
    private static readonly string WebApp = Path.Combine(RepositoryRoot.Path, "samples", "WebApp", "bin", Configuration, "net10.0", "WebApp.dll");
    private static readonly string PreviewTests = Path.Combine(RepositoryRoot.Path, "tests", "SesMailer.Preview.Tests", "bin", Configuration, "net10.0", "SesMailer.Preview.Tests.dll");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "preview-cli-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Preview_writes_html_text_and_eml_for_every_variant_and_prints_a_table()
    {
        var run = await CliRun.RunAsync(null, "preview", "--assembly", WebApp, "--out", _folder);

        Assert.True(run.ExitCode == 0, run.Err + run.Out);
        Assert.Matches(@"Welcome\s+Long name\s+\S*\s+Welcome, Maximilian Alexander von Habsburg-Lothringen!\s+\d", run.Out);
        Assert.Matches(@"Welcome\s+Typical\s+\S*\s+Welcome, Ann!", run.Out);
        Assert.Contains("Email    Variant    Culture  Subject", run.Out, StringComparison.Ordinal);
        Assert.Contains("<h1>Welcome, Ann!</h1>", await File.ReadAllTextAsync(Path.Combine(_folder, "Welcome", "Typical.html")), StringComparison.Ordinal);
        Assert.Contains("Welcome, Ann!", await File.ReadAllTextAsync(Path.Combine(_folder, "Welcome", "Typical.txt")), StringComparison.Ordinal);

        // The .eml is the mailer's: the app's appsettings.json sender, its [Email] category tag's email, the sample recipient.
        var eml = await MimeMessage.LoadAsync(Path.Combine(_folder, "Welcome", "Long-name.eml"));
        Assert.Equal("Welcome, Maximilian Alexander von Habsburg-Lothringen!", eml.Subject);
        Assert.Equal("hello@acme.example", eml.From.Mailboxes.Single().Address);
        Assert.Equal("preview@example.com", eml.To.Mailboxes.Single().Address);
        Assert.Contains("Maximilian", eml.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_reports_a_template_that_throws_with_its_line_and_exits_1_after_writing_the_others()
    {
        var run = await CliRun.RunAsync(null, "preview", "--assembly", PreviewTests, "--out", _folder);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Matches(@"Broken\s+Explodes\s+error \(below\)", run.Out);
        Assert.Matches(@"Emails/BrokenEmail\.cshtml\(3,\d+\): InvalidOperationException: the sample has no address", run.Err);
        // Every culture of a localized email, and the email without a preview, with how to add one.
        Assert.Matches(@"Order\s+Plain\s+fr\s+Order A-100 confirmed", run.Out);
        Assert.Contains("no preview: add [EmailPreview(\"Default\")] static NoteEmail Default()", run.Out, StringComparison.Ordinal);
        Assert.Contains("<h1>Commande A-100</h1>", await File.ReadAllTextAsync(Path.Combine(_folder, "Order", "Plain.fr.html")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder, "Order", "With-logo-and-invoice.eml")));
    }

    [Fact]
    public async Task Lint_prints_the_report_and_exits_0_when_no_finding_is_an_error()
    {
        var run = await CliRun.RunAsync(null, "lint", "--assembly", WebApp, "--clients", "outlook.windows");

        Assert.True(run.ExitCode == 0, run.Err + run.Out);
        Assert.Contains("Welcome · Typical (Emails/WelcomeEmail.cshtml):", run.Out, StringComparison.Ordinal);
        Assert.Contains("Clients: outlook.windows;", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"2 preview\(s\) checked: 0 error\(s\), \d+ warning\(s\)\.", run.Out);
    }

    [Fact]
    public async Task Lint_exits_1_when_an_error_level_finding_exists()
    {
        var run = await CliRun.RunAsync(null, "lint", "--assembly", PreviewTests);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Matches(@"News · Weekly \(Emails/NewsEmail.cshtml\): \d+ finding\(s\)", run.Out);
        Assert.Matches(@"  error link-without-scheme \(line \d+\): ", run.Out);
        Assert.Contains("Note: not checked, it has no [EmailPreview].", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "preview", "--out", "x" }, "Give exactly one of --project PATH (built first) or --assembly PATH.")]
    [InlineData(new[] { "lint", "--assembly", "a.dll", "--project", "b.csproj" }, "Give exactly one of --project PATH (built first) or --assembly PATH.")]
    [InlineData(new[] { "lint", "--assembly", "missing.dll" }, "--assembly: 'missing.dll' does not exist.")]
    [InlineData(new[] { "lint", "--assembly", "missing.dll", "--clients", "outlook.bogus" }, "--clients: ")]
    [InlineData(new[] { "preview", "--project", "missing.csproj", "--out", "x" }, "--project: 'missing.csproj' does not exist.")]
    public async Task Bad_usage_exits_2_naming_the_option(string[] args, string message)
    {
        var run = await CliRun.RunAsync(null, args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("error: " + message, run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_assembly_built_against_another_SesMailer_version_is_refused_naming_both_versions()
    {
        Directory.CreateDirectory(_folder);
        var other = Compile("SesMailer", "[assembly: System.Reflection.AssemblyVersion(\"9.1.0.0\")] namespace SesMailer { public sealed class EmailAttribute : System.Attribute { } }", []);
        var app = Compile("OldApp", "namespace OldApp { [SesMailer.Email] public sealed class WelcomeEmail { } }", [MetadataReference.CreateFromFile(other)]);

        var run = await CliRun.RunAsync(null, "preview", "--assembly", app, "--out", Path.Combine(_folder, "out"));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        var own = typeof(Rendering.EmailRegistry).Assembly.GetName().Version!;
        Assert.Contains($"error: --assembly: 'OldApp.dll' was built against SesMailer 9.1.0.0, and this sesmailer tool carries SesMailer {own}.", run.Err, StringComparison.Ordinal);
        Assert.Contains("dotnet tool update SesMailer.Cli --version 9.1.0", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_is_built_first_and_its_build_errors_are_reported()
    {
        Directory.CreateDirectory(_folder);
        var project = Path.Combine(_folder, "Broken.csproj");
        await File.WriteAllTextAsync(project, "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>");
        await File.WriteAllTextAsync(Path.Combine(_folder, "Broken.cs"), "class Broken { void M() { int x = } }");

        // Not CliRun: a build on a busy machine can outlast its 20-second limit.
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var code = await SesCli.RunAsync(["lint", "--project", project], stdout, stderr, cancellationToken: timeout.Token);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("Building " + project, stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("error: --project: 'dotnet build' failed", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("Broken.cs(1,", stderr.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string Compile(string name, string source, MetadataReference[] references)
    {
        var compilation = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(source)], [.. Net100.References.All, .. references], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(_folder, name + ".dll");
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("; ", result.Diagnostics));
        return path;
    }
}
