using Microsoft.Playwright;
using SesMailer.Browser.Tests.Support;

namespace SesMailer.Browser.Tests;

/// <summary>The width and dark-mode switches: the frame's box, its data attributes, and the styles inside it.</summary>
[Collection(BrowserSuite.Name)]
public sealed class SwitchTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_width_switch_narrows_the_frame_and_the_email_takes_its_phone_layout()
    {
        await using var session = await browser.NewPageAsync(width: 1280);
        var page = session.Page;
        await page.GotoAsync("/emails/Welcome/Ann");
        Assert.Equal("desktop", await page.Locator("#frame-box").GetAttributeAsync("data-width"));
        var desktop = await FrameBoxAsync(page);
        Assert.True(desktop.Width > 620, $"The desktop frame is {desktop.Width}px wide; expected wider than the layout's 620px breakpoint.");
        var desktopFrame = await Frames.EmailFrameAsync(page);
        Assert.Equal("32px", await Frames.ComputedAsync(desktopFrame, ".sm-content", "padding-left"));

        await page.Locator("#width-switch a[data-width=\"narrow\"]").ClickAsync();

        await page.WaitForURLAsync("**width=narrow*");
        Assert.Equal("narrow", await page.Locator("#frame-box").GetAttributeAsync("data-width"));
        Assert.Equal("true", await page.Locator("#width-switch a[data-width=\"narrow\"]").GetAttributeAsync("aria-current"));
        var narrow = await FrameBoxAsync(page);
        // 375 CSS pixels of viewport, plus the iframe's 1px border on each side.
        Assert.InRange(narrow.Width, 375, 377);
        var narrowFrame = await Frames.EmailFrameAsync(page);
        Assert.Equal(375, await narrowFrame.Locator("html").EvaluateAsync<int>("e => e.ownerDocument.defaultView.innerWidth"));
        // The layout's own @media (max-width: 620px) rule now holds inside the frame.
        Assert.Equal("20px", await Frames.ComputedAsync(narrowFrame, ".sm-content", "padding-left"));
    }

    [Fact]
    public async Task The_dark_view_applies_the_emails_own_dark_styles()
    {
        await using var session = await browser.NewPageAsync();
        var page = session.Page;
        await page.GotoAsync("/emails/Welcome/Ann");
        Assert.Equal("light", await page.Locator("#frame-box").GetAttributeAsync("data-view"));
        var light = await Frames.EmailFrameAsync(page);
        Assert.Equal("rgb(255, 255, 255)", await Frames.ComputedAsync(light, ".sm-card", "background-color"));

        await page.Locator("#view-switch a[data-view=\"dark\"]").ClickAsync();

        await page.WaitForURLAsync("**view=dark*");
        Assert.Equal("dark", await page.Locator("#frame-box").GetAttributeAsync("data-view"));
        var dark = await Frames.EmailFrameAsync(page);
        Assert.Contains("view=dark", dark.Url, StringComparison.Ordinal);
        // The layout's @media (prefers-color-scheme: dark) rules, in a browser that itself prefers light.
        Assert.Equal("rgb(31, 41, 55)", await Frames.ComputedAsync(dark, ".sm-card", "background-color"));
        Assert.Equal("rgb(243, 244, 246)", await Frames.ComputedAsync(dark, ".sm-card", "color"));
        Assert.Equal("rgb(17, 24, 39)", await Frames.ComputedAsync(dark, ".sm-outer", "background-color"));
        Assert.Equal("none", await Frames.ComputedAsync(page, "#email-frame", "filter"));
    }

    [Fact]
    public async Task The_inverted_view_inverts_the_frame_and_leaves_the_email_untouched()
    {
        await using var session = await browser.NewPageAsync();
        var page = session.Page;
        await page.GotoAsync("/emails/Welcome/Ann");

        await page.Locator("#view-switch a[data-view=\"inverted\"]").ClickAsync();

        await page.WaitForURLAsync("**view=inverted*");
        Assert.Equal("inverted", await page.Locator("#frame-box").GetAttributeAsync("data-view"));
        Assert.Equal("invert(1) hue-rotate(180deg)", await Frames.ComputedAsync(page, "#email-frame", "filter"));
        // The client inverts what it shows; the email itself renders its light styles.
        var frame = await Frames.EmailFrameAsync(page);
        Assert.DoesNotContain("view=dark", frame.Url, StringComparison.Ordinal);
        Assert.Equal("rgb(255, 255, 255)", await Frames.ComputedAsync(frame, ".sm-card", "background-color"));
    }

    private static async Task<LocatorBoundingBoxResult> FrameBoxAsync(IPage page)
    {
        var box = await page.Locator("#email-frame").BoundingBoxAsync();
        Assert.True(box is not null, "#email-frame is not displayed");
        return box;
    }
}
