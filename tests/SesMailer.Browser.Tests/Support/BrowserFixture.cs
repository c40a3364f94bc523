using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using SesMailer.Preview.Tests;

namespace SesMailer.Browser.Tests.Support;

/// <summary>
/// One Kestrel on 127.0.0.1 serving the preview pages, and one headless Chromium for the whole collection (starting
/// a browser costs about a second). Each test opens its own context, so cookies and downloads never leak between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Where Debian's chromium package puts the browser binary (/usr/bin/chromium is a shell wrapper around it).</summary>
    public const string DefaultChromium = "/usr/lib/chromium/chromium";

    /// <summary>Overrides <see cref="DefaultChromium"/>: the path of another Chromium or Chrome binary.</summary>
    public const string ChromiumVariable = "SESMAILER_CHROMIUM";

    private PreviewServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The server's root, for example <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // The generated module initializer registers an assembly's emails when it loads: load the quick start's now.
        RuntimeHelpers.RunModuleConstructor(typeof(QuickStart.Emails.WelcomeEmail).Module.ModuleHandle);

        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } set ? set : DefaultChromium;
        if (!File.Exists(chromium))
        {
            // A failure, not a skip: a machine without the browser would otherwise pass these tests by not running them.
            throw new InvalidOperationException(
                $"Chromium was not found at {chromium}. The browser tests drive a real headless Chromium: install Debian's package " +
                $"(`apt-get install -y chromium`, which tests/test.sh does when it is missing) or set {ChromiumVariable} to a Chromium binary.");
        }

        // The compiled path: what the generated Send{Name}Async renders (hot reload has tests of its own in Preview.Tests).
        _server = await PreviewServer.StartAsync(defaultFrom: "Acme <hello@acme.example>");
        BaseAddress = _server.BaseAddress;

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // Quiet and offline: no sandbox (containers run as root), no GPU, no background traffic to Google.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A page in a context of its own, <paramref name="width"/> CSS pixels wide, at <see cref="BaseAddress"/>; dispose it to close the context.</summary>
    public async Task<BrowserPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
            ColorScheme = ColorScheme.Light,
        });
        return new BrowserPage(context, await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>A page and the context it lives in; disposing closes both.</summary>
public sealed class BrowserPage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public ValueTask DisposeAsync() => new(context.CloseAsync());
}

/// <summary>Every browser test class shares one server and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserSuite : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
