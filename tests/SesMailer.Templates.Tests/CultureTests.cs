using System.Globalization;
using SesMailer.Mailing;
using SesMailer.Templates.Tests.Emails;
using SesMailer.Transport;
using Xunit;

namespace SesMailer.Templates.Tests;

/// <summary>
/// The generated methods render in the send's culture whatever the thread's culture, and leave the thread's culture
/// as it was. Each test runs on a thread set to en-US, so that fr-FR output can only come from the send.
/// </summary>
public class CultureTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly StatementEmail Statement = new("Ann", new DateOnly(2026, 12, 5), 1234.5m, new Money(12.50m, "USD"));

    [Fact]
    public async Task Render_with_a_culture_formats_subject_and_bodies_in_it_and_restores_the_thread_culture()
    {
        using var _ = ThreadCulture("en-US");

        var rendered = await Statement.RenderStatementAsync(French);

        Assert.Equal("Statement for Ann: 12,50 $US due samedi 5 décembre 2026", rendered.Subject);
        Assert.Equal("<p>Échéance <b>samedi 5 d&#xE9;cembre 2026</b> ; points : 1234,5 ; solde : 12,50 $US.</p>", rendered.Html!.Trim());
        // Culture is not currency: a decimal formatted with "C" in fr-FR turns the dollars into euros; Money does not.
        Assert.Equal("Due samedi 5 décembre 2026; points: 1234,5; balance: 12,50 $US (a bare decimal with \"C\" would say 12,50 €).", rendered.Text!.Trim());
        Assert.Equal("en-US", CultureInfo.CurrentCulture.Name);
        Assert.Equal("en-US", CultureInfo.CurrentUICulture.Name);
    }

    [Fact]
    public async Task Render_without_a_culture_keeps_the_current_culture()
    {
        using var _ = ThreadCulture("en-US");

        var rendered = await Statement.RenderStatementAsync();

        Assert.Equal("Statement for Ann: $12.50 due Saturday, December 5, 2026", rendered.Subject);
    }

    [Fact]
    public async Task Send_with_a_culture_and_options_with_a_culture_render_in_it()
    {
        using var _ = ThreadCulture("en-US");
        var sent = new InMemoryTransport();
        using var mailer = Mailer.Create(m => m.DefaultFrom("hello@acme.example").UseInMemory(sent));
        var options = new EmailOptions { Culture = CultureInfo.GetCultureInfo("de-DE") };
        options.To.Add("bob@example.com");

        await mailer.SendStatementAsync("ann@example.com", Statement, French);
        await mailer.SendStatementAsync(options, Statement);

        Assert.Equal("Statement for Ann: 12,50 $US due samedi 5 décembre 2026", sent.AssertSentTo("ann@example.com").Subject);
        Assert.Equal("Statement for Ann: 12,50 $ due Samstag, 5. Dezember 2026", sent.AssertSentTo("bob@example.com").Subject);
        Assert.Equal("en-US", CultureInfo.CurrentCulture.Name);
    }

    [Fact]
    public async Task Without_a_culture_the_send_uses_the_configured_default_and_the_send_own_culture_wins_over_it()
    {
        using var _ = ThreadCulture("en-US");
        var sent = new InMemoryTransport();
        using var mailer = Mailer.Create(m => m.DefaultFrom("hello@acme.example").DefaultCulture("fr-FR").UseInMemory(sent));

        await mailer.SendStatementAsync("ann@example.com", Statement);
        await mailer.SendStatementAsync("bob@example.com", Statement, CultureInfo.GetCultureInfo("en-GB"));

        Assert.Equal("fr-FR", mailer.DefaultCulture?.Name);
        Assert.Equal("Statement for Ann: 12,50 $US due samedi 5 décembre 2026", sent.AssertSentTo("ann@example.com").Subject);
        Assert.Equal("Statement for Ann: US$12.50 due Saturday, 5 December 2026", sent.AssertSentTo("bob@example.com").Subject);
    }

    [Fact]
    public async Task Localized_templates_are_chosen_with_fallback_to_the_parent_culture_then_the_neutral_one()
    {
        using var _ = ThreadCulture("en-US");

        var france = await Statement.RenderStatementAsync(French);
        var quebec = await Statement.RenderStatementAsync(CultureInfo.GetCultureInfo("fr-CA"));
        var germany = await Statement.RenderStatementAsync(CultureInfo.GetCultureInfo("de-DE"));

        // fr-FR: StatementEmail.fr.cshtml, and the neutral text template (there is no fr text template).
        Assert.StartsWith("<p>Échéance <b>samedi 5 d&#xE9;cembre 2026</b>", france.Html!.Trim(), StringComparison.Ordinal);
        Assert.StartsWith("Due samedi 5 décembre 2026", france.Text!.Trim(), StringComparison.Ordinal);
        // fr-CA: no fr-CA HTML template, so fr's; its own text template.
        Assert.StartsWith("<p>Échéance", quebec.Html!.Trim(), StringComparison.Ordinal);
        // fr-CA writes the US dollar "$ US" with a no-break space inside the symbol (CLDR).
        Assert.Equal("Échéance le samedi 5 décembre 2026; solde : 12,50 $\u00A0US (Québec).", quebec.Text!.Trim());
        // de-DE: the neutral templates, in German.
        Assert.StartsWith("<p>Due <b>Samstag, 5. Dezember 2026</b>", germany.Html!.Trim(), StringComparison.Ordinal);
        Assert.Equal("en-US", CultureInfo.CurrentCulture.Name);
    }

    [Fact]
    public async Task A_null_culture_is_rejected()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => Statement.RenderStatementAsync((CultureInfo)null!));
    }

    private static CultureScope ThreadCulture(string name) => new(CultureInfo.GetCultureInfo(name));

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(CultureInfo culture)
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
