using SesMailer.Browser.Tests.Support;

namespace SesMailer.Browser.Tests;

/// <summary>The tabs of a preview, followed by clicking as a person would: text, headers, raw, and the .eml download.</summary>
[Collection(BrowserSuite.Name)]
public sealed class TabTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_text_headers_and_raw_tabs_show_the_message()
    {
        await using var session = await browser.NewPageAsync();
        var page = session.Page;
        await page.GotoAsync("/emails/Welcome/Ann");
        Assert.Equal("true", await page.Locator("#tabs a[data-tab=\"html\"]").GetAttributeAsync("aria-current"));

        await page.Locator("#tabs a[data-tab=\"text\"]").ClickAsync();
        await page.WaitForURLAsync("**/emails/Welcome/Ann?tab=text*");
        Assert.Equal("true", await page.Locator("#tabs a[data-tab=\"text\"]").GetAttributeAsync("aria-current"));
        var text = await page.Locator("#panel-text pre").InnerTextAsync();
        Assert.StartsWith("Welcome to Acme, Ann!", text, StringComparison.Ordinal);
        Assert.Contains("https://acme.example/confirm?token=3f9a", text, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#email-frame").CountAsync());

        await page.Locator("#tabs a[data-tab=\"headers\"]").ClickAsync();
        await page.WaitForURLAsync("**tab=headers*");
        Assert.Contains("Welcome to Acme, Ann!", await page.Locator("#panel-headers tr[data-header=\"Subject\"]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("hello@acme.example", await page.Locator("#panel-headers tr[data-header=\"From\"]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("preview@example.com", await page.Locator("#panel-headers tr[data-header=\"To\"]").InnerTextAsync(), StringComparison.Ordinal);

        await page.Locator("#tabs a[data-tab=\"raw\"]").ClickAsync();
        await page.WaitForURLAsync("**tab=raw*");
        var raw = await page.Locator("#panel-raw").InnerTextAsync();
        Assert.Contains("MIME-Version: 1.0", raw, StringComparison.Ordinal);
        Assert.Contains("Content-Type: multipart/alternative", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_eml_link_downloads_the_message()
    {
        await using var session = await browser.NewPageAsync();
        var page = session.Page;
        await page.GotoAsync("/emails/Welcome/Ann");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-eml").ClickAsync());

        Assert.Equal("Welcome-Ann.eml", download.SuggestedFilename);
        var path = await download.PathAsync();
        var eml = await File.ReadAllTextAsync(path);
        Assert.Contains("Subject: Welcome to Acme, Ann!", eml, StringComparison.Ordinal);
        Assert.Contains("Content-Type: text/html", eml, StringComparison.Ordinal);
    }
}
