using Microsoft.Extensions.Logging;

namespace SesMailer.Ses;

// What the client itself logs (retries are logged by the retry pipeline). Never credentials or message contents.
public sealed partial class SesClient
{
    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "SES endpoint {Endpoint} is plain http to a host that is not loopback (SesClientOptions.AllowInsecureHttp is set): credentials, request signatures and messages travel in clear text")]
    private static partial void LogInsecureEndpoint(ILogger logger, string endpoint);
}
