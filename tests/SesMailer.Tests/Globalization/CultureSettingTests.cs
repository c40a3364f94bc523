using System.Globalization;
using SesMailer.Configuration;
using SesMailer.Globalization;
using SesMailer.Mailing;

namespace SesMailer.Tests.Globalization;

/// <summary><c>SesMailer:Culture</c> is checked at start-up, and an app in invariant globalization mode is told why a culture cannot be honoured.</summary>
public class CultureSettingTests
{
    [Fact]
    public void A_known_culture_becomes_the_mailer_default()
    {
        using var mailer = Mailer.Create(m => m.UseInMemory().DefaultCulture("fr-CA"));

        Assert.Equal(CultureInfo.GetCultureInfo("fr-CA"), mailer.DefaultCulture);
        Assert.Null(((IMailer)Mailer.Create(m => m.UseInMemory())).DefaultCulture);
    }

    [Theory]
    [InlineData("fr-QQ")]
    [InlineData("xx-YY")]
    [InlineData("english")]
    public void An_unknown_culture_fails_at_start_up_naming_the_setting(string culture)
    {
        var error = Assert.Throws<MailerConfigurationException>(() => Mailer.Create(m => m.UseInMemory().DefaultCulture(culture)));

        Assert.Contains($"SesMailer:Culture: '{culture}' is not a culture this machine knows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_invariant_mode_a_culture_setting_is_refused_saying_why_and_what_to_do()
    {
        var problems = new List<string>();

        SettingRules.Culture("fr-FR", "Culture", invariantMode: true, problems);

        var problem = Assert.Single(problems);
        Assert.StartsWith("Culture: Culture 'fr-FR' cannot be used to render emails", problem, StringComparison.Ordinal);
        Assert.Contains("InvariantGlobalization", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void In_invariant_mode_a_send_in_a_culture_fails_with_a_clear_error_but_the_invariant_culture_is_fine()
    {
        var error = Assert.Throws<InvalidOperationException>(() => EmailCulture.EnsureSupported("de-DE", invariantMode: true));
        EmailCulture.EnsureSupported(string.Empty, invariantMode: true);

        Assert.Contains("'de-DE'", error.Message, StringComparison.Ordinal);
        Assert.Contains("<InvariantGlobalization>false</InvariantGlobalization>", error.Message, StringComparison.Ordinal);
        Assert.False(EmailCulture.InvariantGlobalization);
    }
}
