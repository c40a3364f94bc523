using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SesMailer.Preview.Tests;

/// <summary>A real Kestrel on 127.0.0.1 (a free port) serving the preview pages, and a client for it.</summary>
internal sealed class PreviewServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PreviewServer(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    /// <summary>The server's root, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => Client.BaseAddress!;

    public static async Task<PreviewServer> StartAsync(
        string environment = "Development",
        Action<EmailPreviewOptions>? configure = null,
        Action<WebApplicationBuilder>? services = null,
        Action<WebApplication>? map = null,
        string defaultFrom = "Tests <tests@example.com>")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        // The app's own mail goes to memory: these apps run in Production too, where Auto with no AWS region is refused.
        builder.Services.AddSesMailer().DefaultFrom(defaultFrom).UseInMemory();
        services?.Invoke(builder);
        var app = builder.Build();
        if (map is null)
        {
            app.MapEmailPreviews("/emails", options =>
            {
                options.HotReload = false;
                configure?.Invoke(options);
            });
        }
        else
        {
            map(app);
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
        return new PreviewServer(app, client);
    }

    public async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> GetAsync(string path)
    {
        var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
