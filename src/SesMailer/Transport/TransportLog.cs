using Microsoft.Extensions.Logging;
using SesMailer.Configuration;
using SesMailer.Ses;

namespace SesMailer.Transport;

/// <summary>The one line, at start, that says where mail goes and why.</summary>
internal static partial class TransportLog
{
    public static void Chosen(ILogger? logger, TransportChoice choice, IEmailTransport transport)
    {
        if (logger is null)
        {
            return;
        }

        var where = transport switch
        {
            SesTransport { Client: SesClient client } => $"Amazon SES in {client.Region} at {client.Endpoint.GetLeftPart(UriPartial.Authority)}",
            SesTransport => "Amazon SES (a client of the application's own)",
            FileOutboxTransport outbox => $"the outbox folder {outbox.Folder}, not to any recipient",
            InMemoryTransport => "memory (tests), not to any recipient",
            _ => transport.GetType().Name,
        };
        if (choice.IsAutoOutbox)
        {
            AutoOutbox(logger, where, choice.Reason);
        }
        else
        {
            Sending(logger, where, choice.Reason);
        }
    }

    [LoggerMessage(20, LogLevel.Information, "SesMailer sends through {Destination} ({Reason})")]
    private static partial void Sending(ILogger logger, string destination, string reason);

    [LoggerMessage(21, LogLevel.Warning, "SesMailer writes emails to {Destination} ({Reason}); set Transport to Ses, or to Outbox to keep this on purpose")]
    private static partial void AutoOutbox(ILogger logger, string destination, string reason);
}
