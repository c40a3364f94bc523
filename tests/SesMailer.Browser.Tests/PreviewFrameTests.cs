using Microsoft.Playwright;
using SesMailer.Browser.Tests.Support;

namespace SesMailer.Browser.Tests;

/// <summary>A preview page: the email's HTML inside the sandboxed iframe, read from the frame's own document.</summary>
[Collection(BrowserSuite.Name)]
public sealed class PreviewFrameTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_preview_shows_the_email_inside_the_sandboxed_frame()
    {
        await using var session = await browser.NewPageAsync();
        var page = session.Page;

        var response = await page.GotoAsync("/emails/Welcome/Ann");

        Assert.Equal(200, response!.Status);
        Assert.Equal("Subject: Welcome to Acme, Ann!", (await page.Locator("#subject").InnerTextAsync()).Trim());
        Assert.Equal("compiled", await page.Locator("#render-path").GetAttributeAsync("data-render-path"));
        // sandbox="" : no script, no same-origin, no forms, no top navigation.
        Assert.Equal(string.Empty, await page.Locator("#email-frame").GetAttributeAsync("sandbox"));
        var frame = await Frames.EmailFrameAsync(page);
        Assert.EndsWith("/emails/Welcome/Ann/html", new Uri(frame.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("Welcome to Acme, Ann!", await frame.Locator("h1").InnerTextAsync());
        var button = frame.GetByRole(AriaRole.Link, new() { Name = "Confirm your address" });
        Assert.Equal("https://acme.example/confirm?token=3f9a", await button.GetAttributeAsync("href"));
        // The layout's styles are live in the frame: the card is white, the button blue.
        Assert.Equal("rgb(255, 255, 255)", await Frames.ComputedAsync(frame, ".sm-card", "background-color"));
        Assert.Equal("rgb(26, 86, 219)", await Frames.ComputedAsync(frame, "td[bgcolor]", "background-color"));
    }

    [Fact]
    public async Task The_receipt_is_rendered_in_the_culture_of_its_preview_with_its_currency()
    {
        await using var session = await browser.NewPageAsync();
        var page = session.Page;

        await page.GotoAsync("/emails/Receipt/Ann%2C%20in%20French");

        Assert.Equal("fr-FR", await page.Locator("#culture").InnerTextAsync());
        var frame = await Frames.EmailFrameAsync(page);
        var rows = frame.Locator("table.receipt tbody tr");
        Assert.Equal(3, await rows.CountAsync());
        // HTML-encoded by the template, shown as text by the browser.
        Assert.Equal("Grinder <Pro>", await rows.Nth(1).Locator("td").First.InnerTextAsync());
        var total = frame.Locator("table.receipt tr.total td").Last;
        Assert.Equal("138,60 $US", (await total.InnerTextAsync()).Replace('\u202f', ' ').Replace('\u00a0', ' '));
        // Amounts line up on the right, and the quick start's receipt passes the compatibility report.
        Assert.Equal("0", await page.Locator("#lint-summary").GetAttributeAsync("data-errors"));
        Assert.Equal("right", await Frames.ComputedAsync(frame, "table.receipt tr.total td:last-child", "text-align"));
    }
}
