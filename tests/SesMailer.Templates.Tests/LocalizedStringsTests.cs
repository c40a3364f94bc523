using System.Globalization;
using System.Net;
using SesMailer.Templates.Tests.Emails;
using Xunit;

namespace SesMailer.Templates.Tests;

/// <summary>
/// A template's text from a .resx through the SDK's strongly typed class (Resources/EmailStrings.resx and .fr.resx):
/// the lookups follow CurrentUICulture, which the generated Render method sets to the send's culture.
/// </summary>
public class LocalizedStringsTests
{
    private static readonly NewsletterEmail Newsletter = new("Ann");

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

    private static UiCultureScope UiCulture(string name) => new(CultureInfo.GetCultureInfo(name));

    private sealed class UiCultureScope : IDisposable
    {
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public UiCultureScope(CultureInfo culture) => CultureInfo.CurrentUICulture = culture;

        public void Dispose() => CultureInfo.CurrentUICulture = _uiCulture;
    }
}
