using System.Globalization;
using Microsoft.CodeAnalysis;
using SesMailer.Generators.Tests.Infrastructure;
using Xunit;

namespace SesMailer.Generators.Tests;

/// <summary>
/// <c>[Email(SubjectResource = typeof(Strings), Subject = "Key")]</c>: the key must be in the class's neutral .resx
/// (SESM0303), the class must be one a .resx generates (SESM0304), and the neutral string's placeholders are checked
/// against the model as a literal subject's are (SESM0101, SESM0102), at the attribute.
/// </summary>
public class ResourceSubjectTests
{
    // What the SDK's GenerateResource and Visual Studio write, reduced to the member the generated code uses.
    private const string StringsClass = """
        namespace Demo.Resources;
        internal static class Strings
        {
            internal static global::System.Resources.ResourceManager ResourceManager { get; } = new("Demo.Resources.Strings", typeof(Strings).Assembly);
            internal static string WelcomeSubject => ResourceManager.GetString("WelcomeSubject")!;
        }
        """;

    private const string Welcome = """
        using SesMailer;
        using Demo.Resources;
        namespace Demo;
        [Email(SubjectResource = typeof(Strings), Subject = nameof(Strings.WelcomeSubject))]
        public sealed partial record WelcomeEmail(string Name, Order Order, decimal Total);
        public sealed record Order(int Id, string? Note);
        """;

    private static readonly (string, string) Html = ("WelcomeEmail.cshtml", "<h1>@Model.Name</h1>");

    private static (string, string) Neutral(string subject) => ("Resources/Strings.resx", ResourceTranslationTests.Resx(("WelcomeSubject", subject), ("Other", "x")));

    [Fact]
    public void A_resource_subject_generates_a_lookup_in_the_send_culture_and_a_switch_over_its_placeholders_that_compiles()
    {
        var result = GeneratorHarness.Run(
            [Welcome, StringsClass],
            Html,
            Neutral("Welcome, {Name}! Order {Order.Id:D6}, {Order.Note}, {Total:N2}, {Name}"),
            ("Resources/Strings.fr.resx", ResourceTranslationTests.Resx(("WelcomeSubject", "{Total:C} : commande {Order.Id} {Order.Note} pour {Name}"), ("Other", "x"))));

        Assert.True(result.GeneratorDiagnostics.IsEmpty, string.Join("; ", result.GeneratorDiagnostics));
        Assert.True(result.CompilationErrors.IsEmpty, string.Join("; ", result.CompilationErrors));
        var source = result.Source("Emails/Demo_WelcomeEmail.g.cs");
        Assert.Contains("ResourceSubject.Format<global::Demo.WelcomeEmail>(email, global::Demo.Resources.Strings.ResourceManager, \"WelcomeSubject\", culture, SubjectPlaceholder)", source, StringComparison.Ordinal);
        // One case per distinct placeholder path of the neutral string, formats left to the string found at run time.
        Assert.Contains("case \"Name\": return global::SesMailer.Rendering.ResourceSubject.Value(email.Name, format, culture);", source, StringComparison.Ordinal);
        Assert.Contains("case \"Order.Id\": return global::SesMailer.Rendering.ResourceSubject.Value(email.Order?.Id, format, culture);", source, StringComparison.Ordinal);
        Assert.Contains("case \"Order.Note\":", source, StringComparison.Ordinal);
        Assert.Contains("case \"Total\":", source, StringComparison.Ordinal);
        Assert.Single(source.Split("case \"Name\"", StringSplitOptions.None).Skip(1));
        Assert.DoesNotContain("System.Reflection", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_missing_from_the_neutral_resx_is_SESM0303_at_the_Subject_argument()
    {
        var source = Welcome.Replace("nameof(Strings.WelcomeSubject)", "\"WelcomeSubjct\"", StringComparison.Ordinal);
        var result = GeneratorHarness.Run([source, StringsClass], Html, Neutral("Welcome, {Name}!"));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("SESM0303", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.True(diagnostic.Location.IsInSource);
        Assert.Equal("\"WelcomeSubjct\"", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Equal(
            "Subject resource 'WelcomeSubjct' is not in 'Strings.resx', the neutral .resx of 'Demo.Resources.Strings': add a <data name=\"WelcomeSubjct\"> with the subject, or set Subject to one of its keys",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.DoesNotContain(result.HintNames, h => h.EndsWith("WelcomeEmail.g.cs", StringComparison.Ordinal) && h.StartsWith("Emails/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_only_in_a_translation_is_still_SESM0303()
    {
        var result = GeneratorHarness.Run(
            [Welcome, StringsClass],
            Html,
            ("Resources/Strings.resx", ResourceTranslationTests.Resx(("Other", "x"))),
            ("Resources/Strings.fr.resx", ResourceTranslationTests.Resx(("Other", "x"), ("WelcomeSubject", "Bienvenue"))));

        Assert.Equal("SESM0303", Assert.Single(result.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void A_neutral_placeholder_naming_no_member_is_SESM0101_at_the_attribute()
    {
        var result = GeneratorHarness.Run([Welcome, StringsClass], Html, Neutral("Welcome, {Nmae}! {Order.Idd}"));

        var diagnostics = result.GeneratorDiagnostics.OrderBy(d => d.GetMessage(CultureInfo.InvariantCulture), StringComparer.Ordinal).ToList();
        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d =>
        {
            Assert.Equal("SESM0101", d.Id);
            Assert.True(d.Location.IsInSource);
            Assert.StartsWith("Email(SubjectResource", d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan), StringComparison.Ordinal);
        });
        Assert.Contains("'Nmae' does not exist", diagnostics[0].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("'Idd' does not exist", diagnostics[1].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Welcome, {Name")]
    [InlineData("Welcome, {Name:x\"y}")]
    [InlineData("Welcome&#xD;&#xA;Bcc: all@example.com")]
    public void A_neutral_string_with_bad_syntax_or_a_line_break_is_SESM0102_at_the_attribute(string subject)
    {
        var result = GeneratorHarness.Run([Welcome, StringsClass], Html, Neutral(subject.Replace("\"", "&quot;", StringComparison.Ordinal)));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("SESM0102", diagnostic.Id);
        Assert.StartsWith("Email(SubjectResource", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan), StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_without_a_resx_or_without_a_ResourceManager_is_SESM0304_at_the_SubjectResource_argument()
    {
        var noResx = GeneratorHarness.Run([Welcome, StringsClass], Html, ("Resources/Labels.resx", ResourceTranslationTests.Resx(("WelcomeSubject", "Hi"))));
        var diagnostic = Assert.Single(noResx.GeneratorDiagnostics);
        Assert.Equal("SESM0304", diagnostic.Id);
        Assert.Equal("typeof(Strings)", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.StartsWith("SubjectResource 'Demo.Resources.Strings' is not a resource class of this project: no embedded .resx generates it", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var plainClass = Welcome.Replace("typeof(Strings)", "typeof(string)", StringComparison.Ordinal).Replace("nameof(Strings.WelcomeSubject)", "\"WelcomeSubject\"", StringComparison.Ordinal);
        var notResource = Assert.Single(GeneratorHarness.Run([plainClass, StringsClass], Html, Neutral("Hi")).GeneratorDiagnostics);
        Assert.Equal("SESM0304", notResource.Id);
        Assert.Equal("SubjectResource 'string' is not a resource class of this project: it has no static ResourceManager property; name the strongly typed class of an embedded .resx", notResource.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_neutral_resx_is_found_by_the_class_metadata_MSBuild_gives_even_among_files_of_the_same_name()
    {
        // Two Strings.resx: the class Demo.Resources.Strings is the one whose metadata names it, not the other one.
        var other = ("Other/Strings.resx", ResourceTranslationTests.Resx(("Other", "x")));
        var mine = ("Text/Strings.resx", ResourceTranslationTests.Resx(("WelcomeSubject", "Hi {Name}")));
        var typed = new Dictionary<string, Dictionary<string, string>>
        {
            ["Other/Strings.resx"] = new() { ["StronglyTypedClassName"] = "Strings", ["StronglyTypedNamespace"] = "Demo.Other", ["ManifestResourceName"] = "Demo.Other.Strings" },
            ["Text/Strings.resx"] = new() { ["StronglyTypedClassName"] = "Strings", ["StronglyTypedNamespace"] = "Demo.Resources", ["ManifestResourceName"] = "Demo.Text.Strings" },
        };
        var byTypedName = GeneratorHarness.Run(GeneratorHarness.Compilation(Welcome, StringsClass), typed, Html, other, mine);
        Assert.True(byTypedName.GeneratorDiagnostics.IsEmpty, string.Join("; ", byTypedName.GeneratorDiagnostics));
        Assert.True(byTypedName.CompilationErrors.IsEmpty, string.Join("; ", byTypedName.CompilationErrors));

        // Visual Studio's designer class: no StronglyTyped metadata, its full name is the manifest resource name.
        var designer = new Dictionary<string, Dictionary<string, string>>
        {
            ["Other/Strings.resx"] = new() { ["ManifestResourceName"] = "Demo.Other.Strings" },
            ["Text/Strings.resx"] = new() { ["ManifestResourceName"] = "Demo.Resources.Strings" },
        };
        Assert.Empty(GeneratorHarness.Run(GeneratorHarness.Compilation(Welcome, StringsClass), designer, Html, other, mine).GeneratorDiagnostics);

        // Neither names Demo.Resources.Strings: not guessed from the file name, SESM0304.
        var neither = new Dictionary<string, Dictionary<string, string>>
        {
            ["Other/Strings.resx"] = new() { ["ManifestResourceName"] = "Demo.Other.Strings" },
            ["Text/Strings.resx"] = new() { ["StronglyTypedClassName"] = "Strings", ["StronglyTypedNamespace"] = "Demo.Text" },
        };
        Assert.Equal("SESM0304", Assert.Single(GeneratorHarness.Run(GeneratorHarness.Compilation(Welcome, StringsClass), neither, Html, other, mine).GeneratorDiagnostics).Id);
    }

    [Fact]
    public void An_unrelated_edit_reruns_the_resource_subject_check_but_nothing_after_it()
    {
        var compilation = GeneratorHarness.Compilation(Welcome, StringsClass);
        var driver = GeneratorHarness.Driver([GeneratorHarness.Template(Html.Item1, Html.Item2), GeneratorHarness.Template("Resources/Strings.resx", ResourceTranslationTests.Resx(("WelcomeSubject", "Hi {Name}")))]);
        driver = driver.RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("namespace Demo; public static class Unrelated;", new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest), path: "/project/Unrelated.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        // The check itself joins the compilation (it resolves the neutral string against the model's symbol) and gives
        // an equal result, so the email, its sources and the registry stay cached.
        Assert.All(result.TrackedSteps["ResourceSubjects"].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        foreach (var name in new[] { "EmailSubjects", "ResolvedEmails", "Registry" })
        {
            Assert.All(result.TrackedSteps[name].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {o.Reason}"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void A_blank_key_is_SESM0108()
    {
        var source = Welcome.Replace("nameof(Strings.WelcomeSubject)", "\" \"", StringComparison.Ordinal);
        Assert.Equal("SESM0108", Assert.Single(GeneratorHarness.Run([source, StringsClass], Html, Neutral("Hi")).GeneratorDiagnostics).Id);
    }
}
