using Microsoft.CodeAnalysis;
using SesMailer.Generators.Tests.Infrastructure;
using Xunit;

namespace SesMailer.Generators.Tests;

/// <summary>One test per diagnostic: it fires on the bad input, at the right place, and not on the corrected input.</summary>
public class DiagnosticTests
{
    private const string Welcome = """
        using SesMailer;
        namespace Demo;
        [Email(Subject = "Welcome, {Name}!")]
        public sealed partial record WelcomeEmail(string Name, System.Uri ConfirmUrl);
        """;

    private static readonly (string, string) WelcomeHtml = ("Emails/WelcomeEmail.cshtml", "<h1>Hi @Model.Name</h1>\n");

    [Fact]
    public void SESM0001_template_not_found_is_reported_at_the_attribute()
    {
        var bad = GeneratorHarness.Run(Welcome);
        var diagnostic = Single(bad, "SESM0001");
        Assert.Contains("add 'WelcomeEmail.cshtml' (HTML) or 'WelcomeEmail.text.cshtml' (text)", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line);

        AssertClean(GeneratorHarness.Run(Welcome, WelcomeHtml));
        AssertClean(GeneratorHarness.Run(Welcome, ("WelcomeEmail.text.cshtml", "Hi @Model.Name\n")));
    }

    [Fact]
    public void SESM0001_an_explicit_template_path_that_does_not_exist()
    {
        var source = Welcome.Replace("[Email(Subject", "[Email(Template = \"Mail/Hello\", Subject", StringComparison.Ordinal);
        var bad = GeneratorHarness.Run(source, WelcomeHtml);
        Assert.Contains("'Mail/Hello.cshtml'", Single(bad, "SESM0001").GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        AssertClean(GeneratorHarness.Run(source, ("Mail/Hello.cshtml", "<p>@Model.Name</p>")));
    }

    [Fact]
    public void SESM0002_two_templates_with_the_email_name()
    {
        var bad = GeneratorHarness.Run(Welcome, WelcomeHtml, ("Other/WelcomeEmail.cshtml", "<p>x</p>"));
        Assert.Contains("'Emails/WelcomeEmail.cshtml', 'Other/WelcomeEmail.cshtml'", Single(bad, "SESM0002").GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var fixedSource = Welcome.Replace("[Email(Subject", "[Email(Template = \"Emails/WelcomeEmail\", Subject", StringComparison.Ordinal);
        AssertClean(GeneratorHarness.Run(fixedSource, WelcomeHtml, ("Other/WelcomeEmail.cshtml", "<p>x</p>")));
    }

    [Fact]
    public void SESM0003_model_directive_naming_another_type_is_reported_at_the_model_line()
    {
        var bad = GeneratorHarness.Run(Welcome + "\npublic sealed record OtherModel(string Name);", ("Emails/WelcomeEmail.cshtml", "@* welcome *@\n@model OtherModel\n<h1>@Model.Name</h1>"));
        var diagnostic = Single(bad, "SESM0003");
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/project/Emails/WelcomeEmail.cshtml", span.Path);
        Assert.Equal((1, 7), (span.StartLinePosition.Line, span.StartLinePosition.Character));

        AssertClean(GeneratorHarness.Run(Welcome, ("Emails/WelcomeEmail.cshtml", "@model WelcomeEmail\n<h1>@Model.Name</h1>")));
        AssertClean(GeneratorHarness.Run(Welcome, ("Emails/WelcomeEmail.cshtml", "@model global::Demo.WelcomeEmail\n<h1>@Model.Name</h1>")));
    }

    [Fact]
    public void SESM0004_unknown_layout_is_reported_at_the_layout_name()
    {
        var bad = GeneratorHarness.Run(Welcome, ("Emails/WelcomeEmail.cshtml", "@{ Layout = \"_Missing\"; }\n<h1>@Model.Name</h1>"));
        var diagnostic = Single(bad, "SESM0004");
        Assert.Equal((0, 13), Position(diagnostic));
        Assert.Contains("add '_Missing.cshtml'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        AssertClean(GeneratorHarness.Run(Welcome, ("Emails/WelcomeEmail.cshtml", "@{ Layout = \"_Missing\"; }\n<h1>@Model.Name</h1>"), ("Shared/_Missing.cshtml", "<main>@RenderBody()</main>")));
    }

    [Fact]
    public void SESM0004_unknown_layout_on_the_attribute()
    {
        var source = Welcome.Replace("[Email(Subject", "[Email(Layout = \"_Base\", Subject", StringComparison.Ordinal);
        Single(GeneratorHarness.Run(source, WelcomeHtml), "SESM0004");

        AssertClean(GeneratorHarness.Run(source, WelcomeHtml, ("_Base.cshtml", "@RenderBody()")));
    }

    [Fact]
    public void SESM0005_unknown_partial_is_reported_at_the_partial_name()
    {
        var template = "<h1>@Model.Name</h1>\n@await Partial(\"_Card\", Model.Name)\n";
        var diagnostic = Single(GeneratorHarness.Run(Welcome, ("Emails/WelcomeEmail.cshtml", template)), "SESM0005");
        Assert.Equal((1, 16), Position(diagnostic));

        AssertClean(GeneratorHarness.Run(Welcome, ("Emails/WelcomeEmail.cshtml", template), ("_Card.cshtml", "@model string\n<div>@Model</div>")));
    }

    [Fact]
    public void SESM0006_partial_given_a_model_of_another_type()
    {
        var source = Welcome + "\npublic sealed record CardModel(string Title);\npublic sealed record BadgeModel(string Title);";
        var partial = ("_Card.cshtml", "@model Demo.CardModel\n<div>@Model.Title</div>");
        var bad = GeneratorHarness.Run(source, ("Emails/WelcomeEmail.cshtml", "@await Partial(\"_Card\", new BadgeModel(Model.Name))"), partial);
        Assert.Contains("is given a new 'BadgeModel'; pass a Demo.CardModel", Single(bad, "SESM0006").GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        AssertClean(GeneratorHarness.Run(source, ("Emails/WelcomeEmail.cshtml", "@await Partial(\"_Card\", new CardModel(Model.Name))"), partial));
    }

    [Fact]
    public void SESM0101_subject_placeholder_naming_no_member_is_reported_at_the_placeholder()
    {
        var source = Welcome.Replace("{Name}", "{Nmae}", StringComparison.Ordinal);
        var diagnostic = Single(GeneratorHarness.Run(source, WelcomeHtml), "SESM0101");
        Assert.Equal((2, 27), Position(diagnostic));
        Assert.Equal(6, diagnostic.Location.SourceSpan.Length);
        Assert.True(diagnostic.Location.IsInSource, "declaration diagnostics are located in the syntax tree");
        Assert.Equal("{Nmae}", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Contains("'Nmae' does not exist", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var pathSource = Welcome.Replace("{Name}", "{ConfirmUrl.Hots}", StringComparison.Ordinal);
        Assert.Contains("'Hots' does not exist", Single(GeneratorHarness.Run(pathSource, WelcomeHtml), "SESM0101").GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        AssertClean(GeneratorHarness.Run(Welcome.Replace("{Name}", "{ConfirmUrl.Host} {Name.Length:D3} {{literal}}", StringComparison.Ordinal), WelcomeHtml));
    }

    [Fact]
    public void SESM0102_unbalanced_subject_braces()
    {
        Single(GeneratorHarness.Run(Welcome.Replace("{Name}!", "{Name!", StringComparison.Ordinal), WelcomeHtml), "SESM0102");
        Single(GeneratorHarness.Run(Welcome.Replace("{Name}!", "Name}!", StringComparison.Ordinal), WelcomeHtml), "SESM0102");
        Single(GeneratorHarness.Run(Welcome.Replace("{Name}!", "{Name}!\\r\\nBcc: all@example.com", StringComparison.Ordinal), WelcomeHtml), "SESM0102");
        Single(GeneratorHarness.Run(Welcome.Replace("{Name}!", "{Name:x\\\"y}", StringComparison.Ordinal), WelcomeHtml), "SESM0102");
        Single(GeneratorHarness.Run(Welcome.Replace("{Name}!", "{Name}!\\u2028Bcc: all@example.com", StringComparison.Ordinal), WelcomeHtml), "SESM0102");

        AssertClean(GeneratorHarness.Run(Welcome.Replace("{Name}!", "{{Name}}!", StringComparison.Ordinal), WelcomeHtml));
    }

    [Theory]
    [InlineData("From = \"not-an-address\"")]
    [InlineData("From = \"Ann <ann@example>\"")]
    [InlineData("ReplyTo = \"jörg@example.com\"")]
    [InlineData("ReplyTo = \"a@example.com\\r\\nBcc: x@example.com\"")]
    [InlineData("From = \"a..b@example.com\"")]
    [InlineData("From = \".lead@example.com\"")]
    [InlineData("ReplyTo = \"Ann <trail.@example.com>\"")]
    [InlineData("From = \"trail.@example.com\"")]
    [InlineData("From = \"Acme\\u2028Bcc: x@example.com <a@example.com>\"")]
    [InlineData("From = \"a@example.com\\n\"")]
    public void SESM0103_invalid_static_address(string property)
    {
        var source = Welcome.Replace("[Email(Subject", "[Email(" + property + ", Subject", StringComparison.Ordinal);
        Single(GeneratorHarness.Run(source, WelcomeHtml), "SESM0103");
    }

    [Fact]
    public void SESM0103_gives_the_reason_of_the_address_rule_the_mailer_applies_at_send()
    {
        var source = Welcome.Replace("[Email(Subject", "[Email(From = \"Acme <a..b@example.com>\", Subject", StringComparison.Ordinal);
        var message = Single(GeneratorHarness.Run(source, WelcomeHtml), "SESM0103").GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(
            "[Email] From: 'a..b@example.com' is not a valid email address: the part before '@' may not start or end with a dot or contain two dots in a row. " +
            "Write 'name@example.com' or 'Display Name <name@example.com>'.",
            message);
    }

    [Fact]
    public void SESM0103_valid_static_addresses_pass()
    {
        var source = Welcome.Replace("[Email(Subject", "[Email(From = \"Acme Support <support@acme.example>\", ReplyTo = \"help@acme.example\", Subject", StringComparison.Ordinal);
        AssertClean(GeneratorHarness.Run(source, WelcomeHtml));
    }

    [Theory]
    [InlineData("Tags = new[] { \"no-equals\" }")]
    [InlineData("Tags = new[] { \"kind=has space\" }")]
    [InlineData("Category = \"news letter\"")]
    [InlineData("Category = \"news\\n\"")]
    [InlineData("Tags = new[] { \"kind=welcome\\n\" }")]
    [InlineData("Tags = new[] { \"kind\\n=welcome\" }")]
    public void SESM0104_invalid_tag(string property)
    {
        var source = Welcome.Replace("[Email(Subject", "[Email(" + property + ", Subject", StringComparison.Ordinal);
        Single(GeneratorHarness.Run(source, WelcomeHtml), "SESM0104");

        AssertClean(GeneratorHarness.Run(Welcome.Replace("[Email(Subject", "[Email(Category = \"news-letter\", Tags = new[] { \"kind=welcome_1\" }, Subject", StringComparison.Ordinal), WelcomeHtml));
    }

    [Fact]
    public void SESM0105_two_emails_with_the_same_method_name()
    {
        var other = "namespace Other { [SesMailer.Email(Subject = \"x\")] public sealed record Welcome(string Name); }";
        var bad = GeneratorHarness.Run([Welcome, other], WelcomeHtml, ("Welcome.cshtml", "x"));
        Assert.Contains("'SendWelcomeAsync'", Single(bad, "SESM0105").GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var renamed = "namespace Other { [SesMailer.Email(Subject = \"x\")] public sealed record Greeting(string Name); }";
        AssertClean(GeneratorHarness.Run([Welcome, renamed], WelcomeHtml, ("Greeting.cshtml", "x")));
    }

    [Fact]
    public void SESM0106_inaccessible_type()
    {
        var source = """
            using SesMailer;
            namespace Demo;
            public class Outer
            {
                [Email(Subject = "x")]
                private sealed record SecretEmail(string Name);
            }
            """;
        Single(GeneratorHarness.Run(source, ("SecretEmail.cshtml", "x")), "SESM0106");

        AssertClean(GeneratorHarness.Run(source.Replace("private sealed", "internal sealed", StringComparison.Ordinal), ("SecretEmail.cshtml", "x")));
    }

    [Fact]
    public void SESM0107_generic_type()
    {
        var source = "using SesMailer;\nnamespace Demo;\n[Email(Subject = \"x\")]\npublic sealed record ListEmail<T>(T Item);";
        Single(GeneratorHarness.Run(source, ("ListEmail.cshtml", "x")), "SESM0107");

        AssertClean(GeneratorHarness.Run(source.Replace("ListEmail<T>(T Item)", "ListEmail(string Item)", StringComparison.Ordinal), ("ListEmail.cshtml", "x")));
    }

    [Theory]
    [InlineData("[Email]")]
    [InlineData("[Email(From = \"a@example.com\")]")]
    [InlineData("[Email(Subject = \"\")]")]
    [InlineData("[Email(Subject = \"  \")]")]
    public void SESM0108_missing_or_empty_subject_is_reported_at_the_attribute(string attribute)
    {
        var source = Welcome.Replace("[Email(Subject = \"Welcome, {Name}!\")]", attribute, StringComparison.Ordinal);
        var diagnostic = Single(GeneratorHarness.Run(source, WelcomeHtml), "SESM0108");
        Assert.Equal((2, 1), Position(diagnostic));
        Assert.Contains("set Subject on [Email]", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        AssertClean(GeneratorHarness.Run(Welcome, WelcomeHtml));
    }

    [Fact]
    public void SESM0201_razor_syntax_error_is_reported_at_the_template_line()
    {
        var bad = GeneratorHarness.Run(Welcome, ("Emails/WelcomeEmail.cshtml", "<h1>@Model.Name</h1>\n@if (true) {\n<p>never closed</p>\n"));
        var diagnostic = Single(bad, "SESM0201");
        Assert.Equal("/project/Emails/WelcomeEmail.cshtml", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("RZ", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        AssertClean(GeneratorHarness.Run(Welcome, ("Emails/WelcomeEmail.cshtml", "<h1>@Model.Name</h1>\n@if (true) {\n<p>closed</p>\n}\n")));
    }

    private static Diagnostic Single(GeneratorHarness.Result result, string id)
    {
        var matching = result.GeneratorDiagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"Expected one {id}, got: {string.Join("; ", result.GeneratorDiagnostics)}");
        return matching[0];
    }

    private static (int Line, int Column) Position(Diagnostic diagnostic)
    {
        var start = diagnostic.Location.GetLineSpan().StartLinePosition;
        return (start.Line, start.Character);
    }

    /// <summary>No generator diagnostic, and the generated code compiles.</summary>
    private static void AssertClean(GeneratorHarness.Result result)
    {
        Assert.True(result.GeneratorDiagnostics.IsEmpty, string.Join("; ", result.GeneratorDiagnostics));
        Assert.True(result.CompilationErrors.IsEmpty, string.Join("; ", result.CompilationErrors));
    }
}
