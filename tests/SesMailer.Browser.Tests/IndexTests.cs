using Microsoft.Playwright;
using SesMailer.Browser.Tests.Support;
using SesMailer.Rendering;

namespace SesMailer.Browser.Tests;

/// <summary>The index page: every registered email and every variant, each a link that opens its preview.</summary>
[Collection(BrowserSuite.Name)]
public sealed class IndexTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_index_lists_every_email_and_every_variant()
    {
        await using var session = await browser.NewPageAsync();
        var page = session.Page;

        var response = await page.GotoAsync("/emails");

        Assert.Equal(200, response!.Status);
        var emails = await page.Locator("#email-index tr[data-email]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.email)");
        Assert.Equal(EmailRegistry.All.Select(e => e.Name).Order(StringComparer.Ordinal), emails.Order(StringComparer.Ordinal));
        Assert.Superset(new HashSet<string>(["Welcome", "PasswordReset", "Receipt", "Broken"]), emails.ToHashSet());
        foreach (var email in EmailRegistry.All)
        {
            var variants = await page.Locator($"#email-index tr[data-email=\"{email.Name}\"] li[data-preview]").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.preview)");
            Assert.Equal(email.Previews.Select(p => p.Name), variants);
            Assert.True(await page.Locator($"#email-index tr[data-email=\"{email.Name}\"]").IsVisibleAsync(), $"{email.Name} is not visible on the index");
        }
    }

    [Fact]
    public async Task A_variant_on_the_index_opens_its_preview()
    {
        await using var session = await browser.NewPageAsync();
        var page = session.Page;
        await page.GotoAsync("/emails");

        await page.Locator("#email-index tr[data-email=\"PasswordReset\"] li[data-preview=\"Ann\"] a").ClickAsync();

        await page.WaitForURLAsync("**/emails/PasswordReset/Ann");
        Assert.Equal("PasswordReset", await page.Locator("#email-preview").GetAttributeAsync("data-email"));
        var frame = await Frames.EmailFrameAsync(page);
        Assert.Equal("https://acme.example/reset?token=b71c", await frame.GetByRole(AriaRole.Link, new() { Name = "Choose a new password" }).GetAttributeAsync("href"));
        await page.Locator("#back-to-index").ClickAsync();
        await page.Locator("#email-index").WaitForAsync();
    }
}
