using System.Globalization;
using System.Net;
using SesMailer.Mailing;
using SesMailer.Templates.Tests.Emails;
using SesMailer.Transport;
using Xunit;

namespace SesMailer.Templates.Tests;

/// <summary>
/// A template's text from a .resx through the SDK's strongly typed class (Resources/EmailStrings.resx and .fr.resx):
/// the lookups follow CurrentUICulture, which the generated Render method sets to the send's culture.
/// </summary>
public class LocalizedStringsTests
{
    private static readonly NewsletterEmail Newsletter = new("Ann", 12, new DateOnly(2026, 12, 5));

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("fr-CA")]
    [InlineData("fr")]
    public async Task A_french_culture_renders_the_french_strings(string culture)
    {
        using var _ = UiCulture("en-US");

        var rendered = await Newsletter.RenderNewsletterAsync(CultureInfo.GetCultureInfo(culture));

        Assert.Equal(
            "<h1>Votre lettre d’information, Ann</h1>\n<p>Vous pouvez vous désabonner à tout moment.</p>",
            WebUtility.HtmlDecode(rendered.Html!).Trim().Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal("en-US", CultureInfo.CurrentUICulture.Name);
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    public async Task A_culture_without_a_translation_renders_the_neutral_strings(string culture)
    {
        using var _ = UiCulture("fr-FR");

        var rendered = await Newsletter.RenderNewsletterAsync(CultureInfo.GetCultureInfo(culture));

        Assert.Equal(
            "<h1>Your newsletter, Ann</h1>\n<p>You can unsubscribe at any time.</p>",
            WebUtility.HtmlDecode(rendered.Html!).Trim().Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal("fr-FR", CultureInfo.CurrentUICulture.Name);
    }

    [Theory]
    [InlineData("fr-FR", "Ann, votre lettre n° 12 du samedi 5 décembre 2026")]
    [InlineData("fr", "Ann, votre lettre n° 12 du samedi 5 décembre 2026")]
    [InlineData("fr-CA", "Infolettre n° 12 pour Ann (2026-12-05)")]
    [InlineData("en-US", "Newsletter #12 for Ann, Saturday, December 5, 2026")]
    [InlineData("de-DE", "Newsletter #12 for Ann, Samstag, 5. Dezember 2026")]
    public async Task The_subject_from_the_resx_is_the_send_culture_string_filled_by_name_and_formatted_in_that_culture(string culture, string expected)
    {
        // The thread's culture is another one, with a translation of its own: only the send's culture may show.
        using var _ = UiCulture("fr-CA");
        using var __ = Culture("ja-JP");

        var rendered = await Newsletter.RenderNewsletterAsync(CultureInfo.GetCultureInfo(culture));

        Assert.Equal(expected, rendered.Subject);
        Assert.Equal("fr-CA", CultureInfo.CurrentUICulture.Name);
        Assert.Equal("ja-JP", CultureInfo.CurrentCulture.Name);
    }

    [Fact]
    public async Task Readme_subject_from_a_resx()
    {
        using var _ = Culture("en-US");
        var newsletter = Newsletter;

        // README: rendering a subject from a .resx
        // EmailStrings.resx:       Newsletter #{Issue} for {Name}, {Date:D}
        // EmailStrings.fr.resx:    {Name}, votre lettre n° {Issue} du {Date:D}
        // EmailStrings.fr-CA.resx: Infolettre n° {Issue} pour {Name} ({Date:yyyy-MM-dd})
        var fr = await newsletter.RenderNewsletterAsync(CultureInfo.GetCultureInfo("fr-FR"));   // Ann, votre lettre n° 12 du samedi 5 décembre 2026
        var ca = await newsletter.RenderNewsletterAsync(CultureInfo.GetCultureInfo("fr-CA"));   // Infolettre n° 12 pour Ann (2026-12-05)
        var en = await newsletter.RenderNewsletterAsync(CultureInfo.GetCultureInfo("en-GB"));   // Newsletter #12 for Ann, Saturday, 5 December 2026
        // end README

        Assert.Equal("Ann, votre lettre n° 12 du samedi 5 décembre 2026", fr.Subject);
        Assert.Equal("Infolettre n° 12 pour Ann (2026-12-05)", ca.Subject);
        Assert.Equal("Newsletter #12 for Ann, Saturday, 5 December 2026", en.Subject);
    }

    [Fact]
    public async Task A_send_in_a_culture_sends_the_subject_of_that_culture_and_leaves_the_thread_culture()
    {
        using var _ = UiCulture("en-US");
        using var __ = Culture("en-US");
        var sent = new InMemoryTransport();
        using var mailer = Mailer.Create(m => m.DefaultFrom("hello@acme.example").UseInMemory(sent));
        var options = new EmailOptions { Culture = CultureInfo.GetCultureInfo("fr-CA") };
        options.To.Add("bob@example.com");

        await mailer.SendNewsletterAsync("ann@example.com", Newsletter, CultureInfo.GetCultureInfo("fr-FR"));
        await mailer.SendNewsletterAsync(options, Newsletter);
        await mailer.SendNewsletterAsync("cy@example.com", Newsletter);

        Assert.Equal("Ann, votre lettre n° 12 du samedi 5 décembre 2026", sent.AssertSentTo("ann@example.com").Subject);
        Assert.Equal("Infolettre n° 12 pour Ann (2026-12-05)", sent.AssertSentTo("bob@example.com").Subject);
        Assert.Equal("Newsletter #12 for Ann, Saturday, December 5, 2026", sent.AssertSentTo("cy@example.com").Subject);
        Assert.Equal("en-US", CultureInfo.CurrentUICulture.Name);
        Assert.Equal("en-US", CultureInfo.CurrentCulture.Name);
    }

    private static CultureScope Culture(string name) => new(CultureInfo.GetCultureInfo(name));

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;

        public CultureScope(CultureInfo culture) => CultureInfo.CurrentCulture = culture;

        public void Dispose() => CultureInfo.CurrentCulture = _culture;
    }

    private static UiCultureScope UiCulture(string name) => new(CultureInfo.GetCultureInfo(name));

    private sealed class UiCultureScope : IDisposable
    {
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public UiCultureScope(CultureInfo culture) => CultureInfo.CurrentUICulture = culture;

        public void Dispose() => CultureInfo.CurrentUICulture = _uiCulture;
    }
}
