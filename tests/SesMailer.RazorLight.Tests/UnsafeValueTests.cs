using SesMailer.RazorLight.Tests.Emails;
using SesMailer.RazorLight.Tests.Models;
using Xunit;

namespace SesMailer.RazorLight.Tests;

/// <summary>
/// The URL and style checks of the runtime, through templates RazorLight compiles at run time (the differential test
/// shows the generated path writes the same).
/// </summary>
public sealed class UnsafeValueTests(FolderEngineFixture folder, MemoryEngineFixture memory) : IClassFixture<FolderEngineFixture>, IClassFixture<MemoryEngineFixture>
{
    private const string Unsafe = "about:invalid#sesmailer-unsafe-url";

    [Fact]
    public async Task Script_urls_and_css_breaking_values_from_the_model_are_replaced_at_run_time()
    {
        var email = new ProfileEmail(" JavaScript:alert(1)", new Uri("javascript:alert(document.domain)"), "java", "script:alert(1)", "javascript:alert(1)", "red;background:url(https://evil.example/)");

        var html = (await folder.Engine.RenderAsync("Emails/ProfileEmail", email)).Html;

        Assert.Contains($"<a id=\"quoted\" href=\"{Unsafe}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<a id=\"unquoted\" href={Unsafe}>", html, StringComparison.Ordinal);
        Assert.Contains($"<a id=\"single\" href='{Unsafe}'>", html, StringComparison.Ordinal);
        Assert.Contains($"<img id=\"uri\" src=\"{Unsafe}\" alt=\"\">", html, StringComparison.Ordinal);
        Assert.Contains($"<a id=\"split\" href=\"{Unsafe}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<a id=\"code\" href=\"{Unsafe}\">", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"style\" style=\"sesmailer-unsafe-style\">", html, StringComparison.Ordinal);
        Assert.Contains("<a id=\"trusted\" href=\"javascript:alert(1)\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Safe_urls_are_written_encoded_at_run_time()
    {
        var email = new ProfileEmail("https://acme.example/ann?a=1&b=2", new Uri("data:image/png;base64,iVBORw0KGgo="), "tel:", "+15551234", "myapp://ann", "rgb(26, 86, 219)");

        var html = (await folder.Engine.RenderAsync("Emails/ProfileEmail", email)).Html;

        Assert.Contains("<a id=\"quoted\" href=\"https://acme.example/ann?a=1&amp;b=2\">", html, StringComparison.Ordinal);
        Assert.Contains("<img id=\"uri\" src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"\">", html, StringComparison.Ordinal);
        Assert.Contains("<a id=\"split\" href=\"tel:&#x2B;15551234\">", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"style\" style=\"color:rgb(26, 86, 219);margin:0\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_marked_as_trusted_stays_as_the_developer_wrote_it_but_a_plain_value_does_not()
    {
        var html = (await memory.Engine.RenderAsync("Trusted", new Greeting("javascript:void(0)", []))).Html;

        Assert.Equal(
            $"<a href=\"javascript:void(0)\">raw</a>\n<a href=\"javascript:void(0)\">content</a>\n<a href=\"{Unsafe}\">value</a>\n",
            html);
    }
}
