using System.IO.Compression;
using Xunit;

namespace SesMailer.Package.Tests;

/// <summary>
/// The SesMailer package and the repository glue, used the way users use them. Each build costs 10–20 s, so every
/// consumer is built once and each test asserts all it can about it.
/// </summary>
public sealed class PackageTests(PackageFixture fixture) : IClassFixture<PackageFixture>
{
    [Fact]
    public void The_package_carries_the_generator_razor_the_glue_and_the_templates()
    {
        var package = Path.Combine(fixture.Feed, $"SesMailer.{fixture.Version}.nupkg");
        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();

        Assert.Contains("lib/net10.0/SesMailer.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/SesMailer.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Microsoft.AspNetCore.Razor.Language.dll", entries);
        Assert.Contains("build/SesMailer.props", entries);
        Assert.Contains("build/SesMailer.targets", entries);
        Assert.Contains("templates/_Layout.cshtml", entries);
        Assert.Contains("templates/_Layout.text.cshtml", entries);
        Assert.Contains("templates/_Button.cshtml", entries);
        Assert.Contains("templates/_Footer.cshtml", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.Contains("Generators", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_console_consumer_restored_from_the_feed_builds_and_renders_with_the_shipped_templates()
    {
        var project = fixture.Consumer("Console");
        // Its project file removes RuntimeTemplates/** from SesMailerTemplate; Draft.cshtml there does not parse, so the
        // build only succeeds if the Remove reached the default items.
        Assert.True(File.Exists(Path.Combine(project, "RuntimeTemplates", "Draft.cshtml")));

        var (buildExit, buildOutput) = await DotNet.RunAsync(project, "build", "-c", "Release");
        Assert.True(buildExit == 0, buildOutput);
        var (runExit, output) = await DotNet.RunAsync(project, "bin/Release/net10.0/Console.dll");
        Assert.True(runExit == 0, output);

        Assert.Contains("SUBJECT: Welcome to Acme, Ann <3!", output, StringComparison.Ordinal);
        Assert.Contains("EMAILS: Welcome=Emails/WelcomeEmail.cshtml", output, StringComparison.Ordinal);
        Assert.DoesNotContain("SESM0201", buildOutput, StringComparison.Ordinal);
        Assert.Contains("<!DOCTYPE html>", output, StringComparison.Ordinal);
        Assert.Contains("<h1>Welcome, Ann &lt;3!</h1>", output, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://acme.example/c?a=1&amp;b=2\" target=\"_blank\"", output, StringComparison.Ordinal);
        Assert.Contains(">Unsubscribe</a>", output, StringComparison.Ordinal);
        Assert.Contains("TEXT:\nWelcome, Ann <3!\nConfirm your address: https://acme.example/c?a=1&b=2", output.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_web_consumer_compiles_email_templates_once_and_keeps_its_mvc_views()
    {
        var project = fixture.Consumer("Web");

        var (buildExit, buildOutput) = await DotNet.RunAsync(project, "build");
        Assert.True(buildExit == 0, buildOutput);

        var generated = Path.Combine(project, "obj", "Debug", "net10.0", "generated");
        var razorSdk = Directory.EnumerateFiles(generated, "*.cs", SearchOption.AllDirectories)
            .Where(f => f.Contains("RazorSourceGenerator", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(generated, f).Replace('\\', '/'))
            .ToList();
        Assert.Contains(razorSdk, f => f.EndsWith("Views/Home/Index_cshtml.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(razorSdk, f => f.Contains("Emails", StringComparison.Ordinal) || f.Contains("_Layout", StringComparison.Ordinal));
        var sesMailer = Directory.EnumerateFiles(generated, "*.g.cs", SearchOption.AllDirectories)
            .Where(f => f.Contains("SesMailer.Generators", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .ToList();
        Assert.Contains("Template_Emails_WelcomeEmail.g.cs", sesMailer);
        Assert.DoesNotContain(sesMailer, f => f!.Contains("Views", StringComparison.Ordinal));

        var (runExit, output) = await DotNet.RunAsync(project, "bin/Debug/net10.0/Web.dll", "--render");
        Assert.True(runExit == 0, output);
        Assert.Contains("SUBJECT: Welcome, Ann & Bob!", output, StringComparison.Ordinal);
        Assert.Contains("<h1>Hello Ann &amp; Bob</h1>", output, StringComparison.Ordinal);
        Assert.Contains("<!DOCTYPE html>", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_member_fails_the_build_at_the_template_line_and_column()
    {
        // The repository's ProjectReference glue, in an ASP.NET Core project (templates reach the compiler as copies).
        var project = fixture.Consumer("Web", "WebBroken");
        var template = Path.Combine(project, "Emails", "WelcomeEmail.cshtml");
        await File.WriteAllTextAsync(template, "@model WelcomeEmail\n<h1>Hello\n    @Model.NoSuchMember</h1>\n");

        var (exitCode, output) = await DotNet.RunAsync(project, "build", "-p:SesMailerRepository=" + PackageFixture.Repository);

        Assert.NotEqual(0, exitCode);
        // The copies handed to the compiler belong under obj/, never in the project folder (where they were once committed).
        Assert.True(Directory.EnumerateFiles(Path.Combine(project, "obj"), "WelcomeEmail.cshtml.sesmailer", SearchOption.AllDirectories).Any(), output);
        Assert.False(Directory.Exists(Path.Combine(project, "sesmailer")), "template copies were written into the project folder");
        Assert.Contains($"{template}(3,12): error CS1061: 'WelcomeEmail' does not contain a definition for 'NoSuchMember'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resx_strings_reach_templates_and_subjects_through_the_strongly_typed_class_and_each_translation_is_checked()
    {
        var project = fixture.Consumer("Console", "ConsoleResx");
        var resources = Path.Combine(project, "Resources");
        Directory.CreateDirectory(resources);
        await File.WriteAllTextAsync(Path.Combine(resources, "Strings.resx"), """
            <?xml version="1.0" encoding="utf-8"?>
            <root>
              <data name="Hello" xml:space="preserve">
                <value>Hello {Name}</value>
              </data>
              <data name="Bye" xml:space="preserve">
                <value>Bye</value>
              </data>
            </root>
            """);
        var french = Path.Combine(resources, "Strings.fr.resx");
        await File.WriteAllTextAsync(french, """
            <?xml version="1.0" encoding="utf-8"?>
            <root>
              <data name="Hello" xml:space="preserve">
                <value>Bonjour {Nom}</value>
              </data>
            </root>
            """);
        // The SDK's strongly typed class for Strings.resx, used by the template with a key the neutral file lacks.
        var projectFile = Path.Combine(project, "Console.csproj");
        await File.WriteAllTextAsync(projectFile, (await File.ReadAllTextAsync(projectFile)).Replace("</Project>", """
              <ItemGroup>
                <EmbeddedResource Update="Resources/Strings.resx">
                  <StronglyTypedLanguage>CSharp</StronglyTypedLanguage>
                  <StronglyTypedClassName>Strings</StronglyTypedClassName>
                  <StronglyTypedNamespace>Localized</StronglyTypedNamespace>
                  <StronglyTypedFileName>$(IntermediateOutputPath)Strings.cs</StronglyTypedFileName>
                </EmbeddedResource>
              </ItemGroup>
            </Project>
            """, StringComparison.Ordinal));
        var template = Path.Combine(project, "Emails", "WelcomeEmail.cshtml");
        await File.WriteAllTextAsync(template, "@model WelcomeEmail\n<p>@Localized.Strings.Bye</p>\n<h1>@Localized.Strings.Welcome, @Model.Name!</h1>\n");
        // The subject from the same class, under a key the neutral .resx lacks.
        var declaration = Path.Combine(project, "Emails", "WelcomeEmail.cs");
        await File.WriteAllTextAsync(declaration, """
            using SesMailer;

            namespace Consumer.Emails;

            [Email(SubjectResource = typeof(Localized.Strings), Subject = "WelcomeSubject", Layout = "_Layout")]
            public sealed partial record WelcomeEmail(string Name, string Product, Uri ConfirmUrl);
            """);

        // Warnings stay warnings here, to see SESM0301 beside the errors.
        var (exitCode, output) = await DotNet.RunAsync(project, "build", "-p:TreatWarningsAsErrors=false");

        Assert.NotEqual(0, exitCode);
        // A key missing from the neutral .resx is a C# error at the template line; one that exists compiles.
        Assert.Contains(
            output.Split('\n'),
            line => line.StartsWith($"{template}(3,", StringComparison.Ordinal) && line.Contains("error CS0117: 'Strings' does not contain a definition for 'Welcome'", StringComparison.Ordinal));
        Assert.DoesNotContain("'Bye'", output.Replace("no string 'Bye'", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains($"{french}(3,4): error SESM0302: Translation of 'Hello' in 'Strings.fr.resx': it has {{Nom}}; the neutral string has {{Name}}", output, StringComparison.Ordinal);
        Assert.Contains($"{french}(2,2): warning SESM0301: 'Strings.fr.resx' has no string 'Bye'", output, StringComparison.Ordinal);
        // The generator found the class's neutral .resx by the SDK's StronglyTypedClassName/Namespace metadata.
        Assert.Contains($"{declaration}(5,63): error SESM0303: Subject resource 'WelcomeSubject' is not in 'Strings.resx', the neutral .resx of 'Localized.Strings'", output, StringComparison.Ordinal);
    }
}
