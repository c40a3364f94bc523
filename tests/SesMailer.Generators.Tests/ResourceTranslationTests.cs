using System.Globalization;
using Microsoft.CodeAnalysis;
using SesMailer.Generators.Tests.Infrastructure;
using Xunit;

namespace SesMailer.Generators.Tests;

/// <summary>
/// Each culture's .resx (<c>Strings.fr.resx</c>) is checked against its neutral one (<c>Strings.resx</c>): a missing
/// key is SESM0301 (a warning: it falls back), a translation with other placeholders is SESM0302 at its data element.
/// </summary>
public class ResourceTranslationTests
{
    private const string NoEmail = "namespace Demo; public sealed class Nothing;";

    private static readonly (string, string) Neutral = ("Resources/Strings.resx", Resx(
        ("WelcomeSubject", "Welcome, {Name}!"),
        ("Total", "Total: {Amount:C} for {Order.Id}"),
        ("Footer", "Thanks for reading")));

    [Fact]
    public void A_complete_translation_with_the_same_placeholders_in_another_order_and_format_is_clean()
    {
        var result = GeneratorHarness.Run(
            NoEmail,
            Neutral,
            ("Resources/Strings.fr.resx", Resx(("WelcomeSubject", "Bienvenue, {Name} !"), ("Total", "Commande {Order.Id} : {Amount:N2}"), ("Footer", "Merci"))),
            ("Resources/Strings.fr-ca.resx", Resx(("WelcomeSubject", "Bienvenue {Name}"), ("Total", "{Order.Id} {Amount}"), ("Footer", "Merci"))));

        Assert.True(result.GeneratorDiagnostics.IsEmpty, string.Join("; ", result.GeneratorDiagnostics));
    }

    [Fact]
    public void A_key_missing_in_a_culture_is_SESM0301_a_warning_at_the_culture_file()
    {
        var result = GeneratorHarness.Run(
            NoEmail,
            Neutral,
            ("Resources/Strings.fr.resx", Resx(("WelcomeSubject", "Bienvenue, {Name} !"), ("Total", "{Order.Id} {Amount}"))));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("SESM0301", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("/project/Resources/Strings.fr.resx", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(
            "'Strings.fr.resx' has no string 'Footer': in fr the neutral string is used; add a <data name=\"Footer\"> with its translation",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_translation_with_other_placeholders_is_SESM0302_an_error_at_its_data_line()
    {
        var french = Resx(("WelcomeSubject", "Bienvenue, {Nom} !"), ("Total", "{Order.Id} {Amount}"), ("Footer", "Merci"));
        var result = GeneratorHarness.Run(NoEmail, Neutral, ("Resources/Strings.fr.resx", french));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("SESM0302", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/project/Resources/Strings.fr.resx", span.Path);
        Assert.Equal(LineOf(french, "<data name=\"WelcomeSubject\""), span.StartLinePosition.Line);
        Assert.Equal(
            "Translation of 'WelcomeSubject' in 'Strings.fr.resx': it has {Nom}; the neutral string has {Name}",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_translation_that_drops_or_adds_a_placeholder_or_breaks_a_brace_is_SESM0302()
    {
        var result = GeneratorHarness.Run(
            NoEmail,
            Neutral,
            ("Resources/Strings.de.resx", Resx(("WelcomeSubject", "Willkommen!"), ("Total", "{Order.Id} {Amount} {Extra}"), ("Footer", "Danke {"))));

        var messages = result.GeneratorDiagnostics.Where(d => d.Id == "SESM0302").Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, messages.Count);
        Assert.Contains("Translation of 'WelcomeSubject' in 'Strings.de.resx': it has no placeholders; the neutral string has {Name}", messages);
        Assert.Contains("Translation of 'Total' in 'Strings.de.resx': it has {Amount}, {Extra}, {Order.Id}; the neutral string has {Amount}, {Order.Id}", messages);
        Assert.Contains(messages, m => m.StartsWith("Translation of 'Footer' in 'Strings.de.resx': the placeholder at position 6 is not closed", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_resources_of_the_same_folder_and_name_are_compared_and_non_strings_and_unknown_shapes_are_ignored()
    {
        var result = GeneratorHarness.Run(
            NoEmail,
            Neutral,
            // Another folder, another base name: not translations of Resources/Strings.resx.
            ("Other/Strings.fr.resx", Resx(("Unrelated", "{X}"))),
            ("Resources/Labels.fr.resx", Resx(("Unrelated", "{X}"))),
            // "v2" is not shaped like a culture: Strings.v2.resx is a resource of its own.
            ("Resources/Strings.v2.resx", Resx(("Other", "x"))),
            ("Resources/Images.resx", Resx([("Logo", "{Name}")], typed: true)),
            ("Resources/Images.fr.resx", Resx()));

        Assert.True(result.GeneratorDiagnostics.IsEmpty, string.Join("; ", result.GeneratorDiagnostics));
    }

    private static int LineOf(string text, string fragment) =>
        text[..text.IndexOf(fragment, StringComparison.Ordinal)].Count(c => c == '\n');

    /// <summary>A .resx as Visual Studio writes one (schema and headers trimmed to what GenerateResource needs).</summary>
    internal static string Resx(params (string Name, string Value)[] strings) => Resx(strings, typed: false);

    private static string Resx((string Name, string Value)[] strings, bool typed)
    {
        var data = string.Concat(strings.Select(s => typed
            ? $"  <data name=\"{s.Name}\" type=\"System.Resources.ResXFileRef, System.Windows.Forms\">\n    <value>{s.Value}</value>\n  </data>\n"
            : $"  <data name=\"{s.Name}\" xml:space=\"preserve\">\n    <value>{s.Value}</value>\n  </data>\n"));
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <root>
              <resheader name="resmimetype">
                <value>text/microsoft-resx</value>
              </resheader>

            """ + data + "</root>\n";
    }
}
