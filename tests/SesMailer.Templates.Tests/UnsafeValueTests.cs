using SesMailer.Templates.Tests.Emails;
using Xunit;

namespace SesMailer.Templates.Tests;

/// <summary>The URL and style checks of the runtime, through templates compiled by the generator (ProfileEmail.cshtml).</summary>
public class UnsafeValueTests
{
    [Fact]
    public async Task Safe_urls_and_colours_are_written_encoded_in_every_attribute_shape()
    {
        var email = new ProfileEmail("https://acme.example/ann?a=1&b=2", new Uri("https://cdn.acme.example/ann.png"), "mailto:", "ann@example.com", "myapp://profile/ann", "#1a56db");

        var html = (await email.RenderProfileAsync()).Html;

        Assert.Equal(
            """
            <a id="quoted" href="https://acme.example/ann?a=1&amp;b=2">home</a>
            <a id="unquoted" href=https://acme.example/ann?a=1&amp;b=2>home</a>
            <a id="single" href='https://acme.example/ann?a=1&amp;b=2'>home</a>
            <img id="uri" src="https://cdn.acme.example/ann.png" alt="">
            <a id="split" href="mailto:ann@example.com">split</a>
            <form id="path" action="https://acme.example/https://acme.example/ann?a=1&amp;b=2"></form>
            <a id="trusted" href="myapp://profile/ann">app</a>
            <p id="style" style="color:#1a56db;margin:0">colour</p>
                <a id="code" href="https://acme.example/ann?a=1&amp;b=2">home</a>

            """,
            html);
    }

    [Fact]
    public async Task Script_urls_and_css_breaking_values_from_the_model_are_replaced()
    {
        var email = new ProfileEmail(" JavaScript:alert(1)", new Uri("javascript:alert(document.domain)"), "java", "script:alert(1)", "javascript:alert(1)", "red;background:url(https://evil.example/)");

        var html = (await email.RenderProfileAsync()).Html;

        const string Unsafe = "about:invalid#sesmailer-unsafe-url";
        Assert.Contains($"<a id=\"quoted\" href=\"{Unsafe}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<a id=\"unquoted\" href={Unsafe}>", html, StringComparison.Ordinal);
        Assert.Contains($"<a id=\"single\" href='{Unsafe}'>", html, StringComparison.Ordinal);
        Assert.Contains($"<img id=\"uri\" src=\"{Unsafe}\" alt=\"\">", html, StringComparison.Ordinal);
        Assert.Contains($"<a id=\"split\" href=\"{Unsafe}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<a id=\"code\" href=\"{Unsafe}\">", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"style\" style=\"sesmailer-unsafe-style\">", html, StringComparison.Ordinal);
        // The template's own scheme keeps the model value a path; the application vouches for the trusted link.
        Assert.Contains("<form id=\"path\" action=\"https://acme.example/ JavaScript:alert(1)\">", html, StringComparison.Ordinal);
        Assert.Contains("<a id=\"trusted\" href=\"javascript:alert(1)\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shipped_button_and_footer_check_their_urls_and_colour()
    {
        var email = new PasswordResetEmail("Ann", new Uri("javascript:alert(1)"), ResetReason.Forgotten, null);

        var html = (await email.RenderPasswordResetAsync()).Html!;

        Assert.Contains("<a href=\"about:invalid#sesmailer-unsafe-url\" target=\"_blank\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }
}
