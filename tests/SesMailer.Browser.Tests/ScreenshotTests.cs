using System.Runtime.CompilerServices;
using SesMailer.Browser.Tests.Support;
using SesMailer.Rendering;

namespace SesMailer.Browser.Tests;

/// <summary>
/// A screenshot of every preview, desktop and narrow, cropped to the email's frame grown to the email's full height:
/// bin/&lt;Configuration&gt;/net10.0/screenshots. With SESMAILER_UPDATE_SCREENSHOTS=1 the quick start's are copied over
/// samples/QuickStart/screenshots, the pictures README.md shows.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class ScreenshotTests(BrowserFixture browser)
{
    /// <summary>Wide enough for the layout's 600px column and its margins, narrow enough to keep the pictures small.</summary>
    private const int DesktopViewport = 760;

    public static TheoryData<string, string, string> Previews()
    {
        RuntimeHelpers.RunModuleConstructor(typeof(QuickStart.Emails.WelcomeEmail).Module.ModuleHandle);
        var data = new TheoryData<string, string, string>();
        foreach (var email in EmailRegistry.All)
        {
            foreach (var preview in email.Previews)
            {
                data.Add(email.Name, preview.Name, "desktop");
                data.Add(email.Name, preview.Name, "narrow");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Previews))]
    public async Task Every_preview_is_screenshot_at_each_width(string email, string preview, string width)
    {
        await using var session = await browser.NewPageAsync(width: DesktopViewport);
        var page = session.Page;
        var file = Path.Combine(Screenshots.Directory, Screenshots.FileName(email, preview, width));

        var response = await page.GotoAsync($"/emails/{Uri.EscapeDataString(email)}/{Uri.EscapeDataString(preview)}?width={width}");

        if (response!.Status == 500)
        {
            // A preview that fails to render is pictured as its error page.
            Assert.True(await page.Locator("#render-error tr[data-error-location]").First.IsVisibleAsync(), "a 500 without the error page");
            await page.ScreenshotAsync(new() { Path = file, FullPage = true });
            Assert.True(new FileInfo(file).Length > 0);
            return;
        }

        Assert.Equal(200, response.Status);
        var frame = await Frames.EmailFrameAsync(page);
        // Grow the iframe to the whole email, so the picture is the email and not its first screenful.
        var height = await frame.Locator("body").EvaluateAsync<int>("b => Math.ceil(b.scrollHeight)");
        var iframe = page.Locator("#email-frame");
        await iframe.EvaluateAsync("(e, h) => { e.style.height = h + 'px'; }", height);
        var box = await iframe.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.InRange(box.Height, height, height + 2);

        var png = await iframe.ScreenshotAsync(new() { Path = file, Animations = Microsoft.Playwright.ScreenshotAnimations.Disabled });

        var (pixelsWide, pixelsHigh) = Screenshots.Size(png);
        // The element's box in CSS pixels, rounded to whole device pixels (scale 1) either way.
        Assert.InRange(pixelsWide, (int)box.Width - 1, (int)box.Width + 2);
        Assert.InRange(pixelsHigh, (int)box.Height - 1, (int)box.Height + 2);
        if (width == "narrow")
        {
            Assert.InRange(pixelsWide, 375, 378);
        }
        else
        {
            Assert.True(pixelsWide > 620, $"a desktop screenshot {pixelsWide}px wide");
        }

        var model = EmailRegistry.All.First(e => e.Name == email && e.Previews.Any(p => p.Name == preview)).ModelType;
        if (Screenshots.Update && model.Assembly == typeof(QuickStart.Emails.WelcomeEmail).Assembly)
        {
            Directory.CreateDirectory(Screenshots.Committed);
            File.Copy(file, Path.Combine(Screenshots.Committed, Screenshots.FileName(email, "", width)), overwrite: true);
        }
    }

    [Fact]
    public void The_readme_has_a_desktop_and_a_narrow_picture_of_each_quick_start_email()
    {
        RuntimeHelpers.RunModuleConstructor(typeof(QuickStart.Emails.WelcomeEmail).Module.ModuleHandle);
        var quickStart = EmailRegistry.All.Where(e => e.ModelType.Assembly == typeof(QuickStart.Emails.WelcomeEmail).Assembly).ToList();
        Assert.Equal(["PasswordReset", "Receipt", "Welcome"], quickStart.Select(e => e.Name).Order(StringComparer.Ordinal));
        foreach (var email in quickStart)
        {
            Assert.True(email.Previews.Count > 0, $"{email.Name} has no [EmailPreview] in samples/QuickStart/SamplePreviews.cs: the README's pictures come from it.");
            foreach (var width in new[] { "desktop", "narrow" })
            {
                var picture = Path.Combine(Screenshots.Committed, Screenshots.FileName(email.Name, "", width));
                Assert.True(File.Exists(picture), $"{picture} is missing: run the browser tests with {Screenshots.UpdateVariable}=1 (README.md says how).");
            }
        }
    }
}
