using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using SesMailer.Generators.Tests.Infrastructure;
using SesMailer.Mailing;
using SesMailer.Rendering;
using SesMailer.Transport;
using Xunit;

namespace SesMailer.Generators.Tests;

/// <summary>
/// <c>[EmailPreview]</c> members are listed with their email in the generated registry, callable without reflection,
/// and a member that cannot make a sample of an email is a build error at its attribute.
/// </summary>
public class PreviewTests
{
    private const string Emails = """
        using System;
        using SesMailer;
        namespace Demo;
        [Email(Subject = "Welcome, {Name}!", From = "Acme <hello@acme.example>")]
        public sealed record WelcomeEmail(string Name);
        [Email(Subject = "Bye")]
        public sealed record ByeEmail(string Name);
        public sealed record NotAnEmail(string Name);
        """;

    private static readonly (string, string)[] Templates =
    [
        ("Emails/WelcomeEmail.cshtml", "<h1>Hi @Model.Name</h1>\n"),
        ("Emails/WelcomeEmail.fr.cshtml", "<h1>Salut @Model.Name</h1>\n"),
        ("Emails/ByeEmail.cshtml", "<p>Bye @Model.Name</p>\n"),
    ];

    [Fact]
    public async Task Previews_are_listed_with_their_email_and_a_sample_with_options_is_sent_as_given()
    {
        const string previews = """
            using System.Globalization;
            using SesMailer;
            namespace Demo.Previews;
            internal static class WelcomePreviews
            {
                [EmailPreview("Short name")]
                public static WelcomeEmail Short => new("Al");

                [EmailPreview("French, with a file")]
                internal static EmailPreview<WelcomeEmail> French()
                {
                    var options = new EmailOptions { Culture = CultureInfo.GetCultureInfo("fr-FR") };
                    options.Attachments.Add(EmailAttachment.FromBytes("terms.txt", new byte[] { 65, 66 }, "text/plain"));
                    return new EmailPreview<WelcomeEmail>(new WelcomeEmail("Zoé"), options);
                }
            }
            """;
        var result = GeneratorHarness.Run([Emails, previews], Templates);
        Assert.True(result.GeneratorDiagnostics.IsEmpty, string.Join("; ", result.GeneratorDiagnostics));
        Assert.True(result.CompilationErrors.IsEmpty, string.Join("; ", result.CompilationErrors));

        var context = new AssemblyLoadContext(nameof(Previews_are_listed_with_their_email_and_a_sample_with_options_is_sent_as_given), isCollectible: true);
        try
        {
            var all = LoadRegistry(result, context);
            var bye = Assert.Single(all, e => e.Name == "Bye");
            Assert.Empty(bye.Previews);
            Assert.Empty(bye.Cultures);

            var welcome = Assert.Single(all, e => e.Name == "Welcome");
            Assert.Equal(["fr"], welcome.Cultures);
            Assert.Equal(["French, with a file", "Short name"], welcome.Previews.Select(p => p.Name));
            Assert.Equal("Demo.Previews.WelcomePreviews.French()", welcome.Previews[0].Member);
            Assert.Equal("Demo.Previews.WelcomePreviews.Short", welcome.Previews[1].Member);

            var sample = welcome.Previews[0].Create();
            Assert.NotSame(sample.Options, welcome.Previews[0].Create().Options);
            sample.Options.To.Add("ann@example.com");
            var sent = new InMemoryTransport();
            using var mailer = new Mailer(sent);
            await welcome.SendAsync(mailer, sample.Options, sample.Email);

            var message = Assert.Single(sent.Sent);
            Assert.Equal("Welcome, Zoé!", message.Subject);
            Assert.Contains("Salut Zo&#xE9;", message.HtmlBody, StringComparison.Ordinal);
            Assert.Equal("hello@acme.example", message.From.Address);
            Assert.Equal("terms.txt", Assert.Single(message.Attachments).FileName);

            var rendered = await welcome.RenderAsync(welcome.Previews[1].Create().Email, CultureInfo.InvariantCulture);
            Assert.Equal("<h1>Hi Al</h1>\n", rendered.Html);
        }
        finally
        {
            context.Unload();
        }
    }

    [Theory]
    [InlineData("public static NotAnEmail Wrong() => new(\"x\");", "SESM0501", "returns 'Demo.NotAnEmail', which is not an [Email] type")]
    [InlineData("public static EmailPreview<NotAnEmail> Wrong() => new(new(\"x\"));", "SESM0501", "EmailPreview<Demo.NotAnEmail>")]
    [InlineData("public static string Wrong => \"x\";", "SESM0501", "returns 'string'")]
    [InlineData("public WelcomeEmail Wrong() => new(\"x\");", "SESM0502", "it is not static")]
    [InlineData("public static WelcomeEmail Wrong(string name) => new(name);", "SESM0502", "it takes parameters")]
    [InlineData("private static WelcomeEmail Wrong() => new(\"x\");", "SESM0502", "is private, protected")]
    public void A_preview_that_cannot_make_a_sample_of_an_email_is_an_error_at_its_attribute(string member, string id, string message)
    {
        var source = $$"""
            using SesMailer;
            namespace Demo;
            public class Samples
            {
                [EmailPreview("wrong")]
                {{member}}
            }
            """;
        var result = GeneratorHarness.Run([Emails, source], Templates);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics, d => d.Id.StartsWith("SESM05", StringComparison.Ordinal));
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(message, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/project/Source1.cs", span.Path);
        Assert.Equal(4, span.StartLinePosition.Line);
        Assert.Empty(result.CompilationErrors);
    }

    [Fact]
    public void Two_previews_of_one_email_with_the_same_name_are_SESM0503()
    {
        const string source = """
            using SesMailer;
            namespace Demo;
            public static class Samples
            {
                [EmailPreview("Same")] public static WelcomeEmail A() => new("a");
                [EmailPreview("Same")] public static WelcomeEmail B() => new("b");
                [EmailPreview("Same")] public static ByeEmail C() => new("c");
            }
            """;
        var result = GeneratorHarness.Run([Emails, source], Templates);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("SESM0503", diagnostic.Id);
        Assert.Contains("Email 'Welcome' has two previews named 'Same' (Demo.Samples.A() and Demo.Samples.B())", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>Emits the compilation into <paramref name="context"/> and reads its generated <c>GeneratedEmails.All</c>.</summary>
    private static IReadOnlyList<EmailDescriptor> LoadRegistry(GeneratorHarness.Result result, AssemblyLoadContext context)
    {
        using var image = new MemoryStream();
        var emit = result.Output.Emit(image);
        Assert.True(emit.Success, string.Join("; ", emit.Diagnostics));
        image.Position = 0;
        var assembly = context.LoadFromStream(image);
        var registry = assembly.GetTypes().Single(t => t.Name == "GeneratedEmails");
        return (IReadOnlyList<EmailDescriptor>)registry.GetProperty("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    }
}
