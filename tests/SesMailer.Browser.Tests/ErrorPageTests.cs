using SesMailer.Browser.Tests.Support;

namespace SesMailer.Browser.Tests;

/// <summary>A template that throws: the page names the template, the line and the message, never a blank page.</summary>
[Collection(BrowserSuite.Name)]
public sealed class ErrorPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_rendering_error_shows_its_template_line_and_message()
    {
        await using var session = await browser.NewPageAsync();
        var page = session.Page;

        var response = await page.GotoAsync("/emails/Broken/Explodes");

        Assert.Equal(500, response!.Status);
        Assert.True(await page.Locator("#render-error h1").IsVisibleAsync(), "the error page has no visible heading");
        Assert.Contains("the sample has no order lines", await page.Locator("#render-error").InnerTextAsync(), StringComparison.Ordinal);
        var location = page.Locator("#render-error tr[data-error-location]").First;
        Assert.EndsWith("BrokenEmail.cshtml", await location.GetAttributeAsync("data-template"), StringComparison.Ordinal);
        // <p>@Model.Explode()</p> is the template's third line.
        Assert.Equal("3", await location.GetAttributeAsync("data-line"));
        Assert.Contains("3", await location.Locator("td").Nth(1).InnerTextAsync(), StringComparison.Ordinal);
    }
}
