using System.Globalization;
using SesMailer.RazorLight.Tests.Emails;
using SesMailer.RazorLight.Tests.Models;
using SesMailer.Rendering;
using Xunit;

namespace SesMailer.RazorLight.Tests;

/// <summary>
/// THE differential test: each email of Emails/ rendered through the generated Render{Name}Async (templates compiled at
/// build time) and through RazorLight (the same .cshtml files compiled at run time) gives the same subject, HTML and text.
/// The emails cover encoding (attributes, text, non-ASCII), loops, @functions, a switch, layouts nested two deep in
/// another folder, required and optional sections, partials with their own model (shipped _Button and _Footer),
/// ViewData read by the layout, _ViewImports, Raw/Html.Raw, a boolean attribute, a template without @model, and the URL
/// and style checks on every shape of attribute.
/// </summary>
public sealed class DifferentialTests(FolderEngineFixture fixture) : IClassFixture<FolderEngineFixture>
{
    private static readonly Uri Url = new("https://acme.example/confirm?t=1&u=\"2\"");

    public static TheoryData<string, object> Emails() => new()
    {
        { "plain", new WelcomeEmail("Ann", Url, []) },
        { "needs encoding", new WelcomeEmail("<script>alert('x')</script> & \"Zoë\" 漢字 😀", Url, ["a < b", "c & d", "Straße"]) },
        { "receipt, no company, raw note", new ReceiptEmail("R-1", new Customer("Bob <b>", null), [new("Tea & cakes", 2, 3.5m), new("Zoë's \"mug\"", 1, 12m)], new HtmlString("<em>Paid</em>")) },
        { "receipt, company, no items", new ReceiptEmail("R-2", new Customer("Åsa", "Acme > Co"), [], null) },
        { "reset, forgotten", new PasswordResetEmail("Cy", Url, ResetReason.Forgotten, null) },
        { "reset, compromised, raw fragment", new PasswordResetEmail("Dee & Co", Url, ResetReason.Compromised, "<b>raw</b>") },
        { "reset, expired", new PasswordResetEmail("Ed", Url, ResetReason.Expired, "") },
        { "reset, script url in the shipped button", new PasswordResetEmail("Fay", new Uri("javascript:alert(1)"), ResetReason.Forgotten, null) },
        { "profile, safe urls", new ProfileEmail("https://acme.example/ann?a=1&b=2", new Uri("https://cdn.acme.example/a.png"), "mailto:", "ann@example.com", "myapp://ann", "#1a56db") },
        { "profile, unsafe urls and style", new ProfileEmail(" JavaScript:alert(1)", new Uri("javascript:alert(1)"), "java", "script:alert(1)", "vbscript:x", "red;background:url(x)") },
        { "profile, data urls", new ProfileEmail("data:text/html,<script>alert(1)</script>", new Uri("data:image/png;base64,iVBORw0KGgo="), "data:image/svg+xml,", "<svg/>", "", "expression(alert(1))") },
    };

    [Theory]
    [MemberData(nameof(Emails))]
    public async Task Generated_and_runtime_rendering_are_identical(string label, object model)
    {
        var descriptor = EmailRegistry.All.Single(d => d.ModelType == model.GetType());
        var generated = await descriptor.RenderAsync(model);

        var path = descriptor.HtmlTemplatePath ?? descriptor.TextTemplatePath!;
        var runtime = await fixture.Engine.RenderAsync(path[..path.IndexOf('.', StringComparison.Ordinal)], model);

        Assert.True(generated.Html is not null || generated.Text is not null, label);
        Assert.Equal(generated.Subject, runtime.Subject);
        Assert.Equal(generated.Html, runtime.Html);
        Assert.Equal(generated.Text, runtime.Text);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    public async Task Both_paths_format_with_the_current_culture_alike(string culture)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            foreach (var row in Emails())
            {
                var model = row[1];
                var descriptor = EmailRegistry.All.Single(d => d.ModelType == model.GetType());
                var generated = await descriptor.RenderAsync(model);
                var path = descriptor.HtmlTemplatePath ?? descriptor.TextTemplatePath!;
                var runtime = await fixture.Engine.RenderAsync(path[..path.IndexOf('.', StringComparison.Ordinal)], model);

                Assert.Equal((generated.Subject, generated.Html, generated.Text), (runtime.Subject, runtime.Html, runtime.Text));
            }

            var receipt = await fixture.Engine.RenderAsync("Emails/ReceiptEmail", new ReceiptEmail("R", new Customer("C", null), [new("x", 1, 1234.5m)], null));
            Assert.Contains("1234,50 EUR", receipt.Subject, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public async Task The_compared_output_is_really_encoded_in_html_and_not_in_text()
    {
        var model = new WelcomeEmail("<i>Zoë</i> & co", Url, ["x<y"]);

        var runtime = await fixture.Engine.RenderAsync("Emails/WelcomeEmail", model);

        Assert.Equal("Welcome, <i>Zoë</i> & co! {beta}", runtime.Subject);
        Assert.Contains("<h1 title=\"&lt;i&gt;Zo&#xEB;&lt;/i&gt; &amp; co\">Welcome, &lt;i&gt;Zo&#xEB;&lt;/i&gt; &amp; co!</h1>", runtime.Html, StringComparison.Ordinal);
        Assert.Contains("<li>x&lt;y</li>", runtime.Html, StringComparison.Ordinal);
        Assert.Contains("<hr>", runtime.Html, StringComparison.Ordinal);
        Assert.Equal("Welcome, <i>Zoë</i> & co!\nConfirm your address: https://acme.example/confirm?t=1&u=\"2\"\n* x<y\n", runtime.Text);
    }

    [Fact]
    public async Task Layouts_sections_and_partials_appear_in_the_runtime_output()
    {
        var runtime = await fixture.Engine.RenderAsync("Emails/Security/Reset", new PasswordResetEmail("Cy", Url, ResetReason.Compromised, null));

        Assert.StartsWith("<!DOCTYPE html>", runtime.Html, StringComparison.Ordinal);                     // _Layout (shipped)
        Assert.Contains("<div class=\"brand\"><span>Acme Security</span></div>", runtime.Html, StringComparison.Ordinal); // _BrandLayout + section
        Assert.Contains("role=\"presentation\"", runtime.Html, StringComparison.Ordinal);                 // _Button partial
        Assert.Contains("<input type=\"checkbox\" checked=\"checked\">", runtime.Html, StringComparison.Ordinal);
        Assert.Equal("Reset your password (Compromised)", runtime.Subject);
    }
}
