using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using SesMailer.Generators.Tests.Infrastructure;
using Xunit;

namespace SesMailer.Generators.Tests;

/// <summary>
/// The generated sources of representative emails, compared with files in Golden/ (generator version scrubbed).
/// After an intended change, run with SESMAILER_UPDATE_GOLDEN=1 and review the diff.
/// </summary>
public partial class GoldenTests
{
    private const string Sources = """
        using System;
        using System.Collections.Generic;
        using SesMailer;

        namespace Shop.Emails;

        [Email(Subject = "Welcome, {Name}!")]
        public sealed partial record WelcomeEmail(string Name, Uri ConfirmUrl);

        public sealed record Line(string Item, decimal Price);

        [Email(
            Subject = "Order {Order.Id}: {Total:C} ({{paid}})",
            From = "Shop <orders@shop.example>",
            ReplyTo = "help@shop.example",
            Layout = "_Shell",
            Category = "orders",
            Tags = new[] { "kind=receipt" })]
        internal sealed class ReceiptEmail
        {
            public required OrderInfo Order { get; init; }
            public required IReadOnlyList<Line> Lines { get; init; }
            public decimal Total { get; init; }
        }

        public sealed record OrderInfo(string Id);
        """;

    private static readonly (string, string)[] Templates =
    [
        ("Emails/WelcomeEmail.cshtml", "@model WelcomeEmail\n<h1>Welcome, @Model.Name!</h1>\n<p><a href=\"@Model.ConfirmUrl\">Confirm</a></p>\n"),
        ("Emails/WelcomeEmail.text.cshtml", "Welcome, @Model.Name!\n@Model.ConfirmUrl\n"),
        ("Emails/ReceiptEmail.cshtml", "@foreach (var line in Model.Lines)\n{\n<p>@line.Item: @line.Price</p>\n}\n@section Footer {<small>Thanks</small>}\n@await Partial(\"_Note\", \"Keep this receipt\")\n"),
        ("Shared/_Shell.cshtml", "<main>@RenderBody()</main>\n<footer>@RenderSection(\"Footer\", required: false)</footer>\n"),
        ("Shared/_Note.cshtml", "@model string\n<aside>@Model</aside>\n"),
    ];

    [Fact]
    public void Generated_sources_match_the_golden_files()
    {
        var result = GeneratorHarness.Run(Sources, Templates);
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationErrors);

        var update = Environment.GetEnvironmentVariable("SESMAILER_UPDATE_GOLDEN") == "1";
        var goldenDirectory = Path.Combine(SourceDirectory(), "Golden");
        var generated = result.Run.Results.Single().GeneratedSources;
        Assert.Equal(8, generated.Length);
        foreach (var source in generated)
        {
            var file = Path.Combine(goldenDirectory, source.HintName.Replace('/', '_'));
            var actual = VersionPattern().Replace(source.SourceText.ToString(), "\"SesMailer.Generators\", \"{version}\"");
            if (update)
            {
                Directory.CreateDirectory(goldenDirectory);
                File.WriteAllText(file, actual);
                continue;
            }

            Assert.True(File.Exists(file), $"No golden file for {source.HintName}: run with SESMAILER_UPDATE_GOLDEN=1.");
            Assert.Equal(File.ReadAllText(file), actual);
        }
    }

    [Fact]
    public void Generation_is_deterministic()
    {
        var first = GeneratorHarness.Run(Sources, Templates).Run.Results.Single().GeneratedSources;
        var second = GeneratorHarness.Run(Sources, Templates.Reverse().ToArray()).Run.Results.Single().GeneratedSources;

        Assert.Equal(
            first.Select(s => (s.HintName, s.SourceText.ToString())).OrderBy(s => s.HintName, StringComparer.Ordinal),
            second.Select(s => (s.HintName, s.SourceText.ToString())).OrderBy(s => s.HintName, StringComparer.Ordinal));
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    [GeneratedRegex("\"SesMailer.Generators\", \"[^\"]+\"")]
    private static partial Regex VersionPattern();
}
