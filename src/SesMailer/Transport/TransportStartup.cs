using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SesMailer.Transport;

/// <summary>
/// Builds the transport when the host starts, so the line saying where mail goes (and any SES setting that cannot
/// work) appears at start-up rather than at the first send.
/// </summary>
internal sealed class TransportStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<IEmailTransport>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
