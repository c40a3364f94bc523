using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using SesMailer.TestSupport.FakeSes;

namespace SesMailer.Ses.Tests.FakeServer;

internal static class FakeSes
{
    public const string AccessKey = "AKIDEXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public const string SessionToken = "FQoGZXIvYXdzEXAMPLEsessiontoken//////////wEaDEXAMPLE";

    /// <summary>A client of <paramref name="server"/> whose signatures the server checks.</summary>
    public static SesClient Client(FakeSesServer server, TimeProvider? time = null, int retries = 3, string? token = null, ILogger? logger = null, TimeSpan? attemptTimeout = null)
    {
        server.ExpectedCredentials = new ImmutableCredentials(AccessKey, SecretKey, token);
        var client = new SesClient(new SesClientOptions
        {
            Region = "us-west-2",
            Endpoint = server.Endpoint,
            Retry = new SesRetryOptions { MaxRetryAttempts = retries, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
            AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(10),
        }, timeProvider: time, credentials: SesCredentials.FromAccessKey(AccessKey, SecretKey, token), logger: logger);
        return client;
    }
}
