using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SesMailer.TestSupport.Net;

/// <summary>Starts an in-process Kestrel server on 127.0.0.1 with a free port, for the fake AWS services and the benchmarks' fakes.</summary>
public static class LoopbackWebServer
{
    /// <summary>Starts a server that hands every request to <paramref name="handler"/>; returns it and its base address.</summary>
    public static async Task<(WebApplication App, Uri Endpoint)> StartAsync(RequestDelegate handler)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }
}
