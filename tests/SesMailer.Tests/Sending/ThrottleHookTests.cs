using SesMailer.Configuration;
using SesMailer.Ses;
using SesMailer.Sending;
using SesMailer.Tests.Support;
using SesMailer.TestSupport.FakeSes;
using SesMailer.Transport;

namespace SesMailer.Tests.Sending;

/// <summary>A throttle the SES client retries by itself still shrinks the shared rate (AIMD), not only the surfaced ones.</summary>
public sealed class ThrottleHookTests
{
    [Fact]
    public async Task A_throttle_retried_inside_the_client_halves_the_rate_and_the_message_still_goes_once()
    {
        await using var server = await FakeSesServer.StartAsync();
        server.EnqueueFault(FakeSesFault.SendingRateExceeded, "SendRawEmail");
        using var client = new SesClient(new SesClientOptions
        {
            Region = "us-east-1",
            Endpoint = server.Endpoint,
            Retry = new SesRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) },
        }, credentials: SesCredentials.FromAccessKey("AKIDEXAMPLE", "secret"));
        var budget = new SendRateLimiter(new SendingOptions { MaxSendRate = 20 });
        var transport = new SesTransport(client, budget);

        var result = await transport.SendAsync(TestMessages.Compose(TestMessages.Valid()));

        Assert.NotEmpty(result.MessageId);
        Assert.Equal(2, server.Requests.Count(r => r.Action == "SendRawEmail"));
        Assert.True(budget.CurrentRate < 20, $"the rate stayed at {budget.CurrentRate}");
    }
}
