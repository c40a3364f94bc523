using Microsoft.Playwright;

namespace SesMailer.Browser.Tests.Support;

/// <summary>Reaching into the preview's sandboxed iframe: its own document, as the browser rendered it.</summary>
internal static class Frames
{
    /// <summary>The document inside <c>#email-frame</c>, once loaded.</summary>
    public static async Task<IFrame> EmailFrameAsync(IPage page)
    {
        var element = await page.Locator("#email-frame").ElementHandleAsync();
        var frame = await element.ContentFrameAsync();
        Assert.True(frame is not null, "#email-frame has no document: the page did not load the email's HTML into its iframe.");
        await frame.WaitForLoadStateAsync(LoadState.Load);
        return frame;
    }

    /// <summary>A computed CSS property of the first element matching <paramref name="selector"/> in <paramref name="frame"/>.</summary>
    public static Task<string> ComputedAsync(IFrame frame, string selector, string property) =>
        frame.Locator(selector).First.EvaluateAsync<string>("(e, p) => getComputedStyle(e).getPropertyValue(p)", property);

    /// <summary>A computed CSS property of the first element matching <paramref name="selector"/> in <paramref name="page"/>.</summary>
    public static Task<string> ComputedAsync(IPage page, string selector, string property) =>
        page.Locator(selector).First.EvaluateAsync<string>("(e, p) => getComputedStyle(e).getPropertyValue(p)", property);
}
