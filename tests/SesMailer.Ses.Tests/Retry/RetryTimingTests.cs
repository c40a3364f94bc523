using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using SesMailer.Ses.Retry;
using SesMailer.Ses.Tests.FakeServer;
using SesMailer.TestSupport.FakeSes;
using Xunit;

namespace SesMailer.Ses.Tests.Retry;

/// <summary>Backoff with an injected clock: the test moves time, nothing sleeps.</summary>
public sealed class RetryTimingTests : IAsyncLifetime
{
    private FakeSesServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeSesServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void Full_jitter_draws_between_zero_and_the_capped_exponential()
    {
        var options = new SesRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) };

        Assert.Equal(TimeSpan.FromMilliseconds(100), SesRetryPipeline.FullJitter(options, 0, 1.0));
        Assert.Equal(TimeSpan.FromMilliseconds(400), SesRetryPipeline.FullJitter(options, 2, 1.0));
        Assert.Equal(TimeSpan.FromSeconds(1), SesRetryPipeline.FullJitter(options, 10, 1.0));
        Assert.Equal(TimeSpan.FromMilliseconds(200), SesRetryPipeline.FullJitter(options, 3, 0.25));
        Assert.Equal(TimeSpan.Zero, SesRetryPipeline.FullJitter(options, 5, 0));
    }

    [Fact]
    public async Task Each_retry_waits_for_the_backoff_on_the_injected_clock()
    {
        var log = new FakeLogger();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.Zero));
        _server.ExpectedCredentials = new(FakeSes.AccessKey, FakeSes.SecretKey, null);
        using var ses = new SesClient(new SesClientOptions
        {
            Region = "us-west-2",
            Endpoint = _server.Endpoint,
            Retry = new SesRetryOptions { MaxRetryAttempts = 3, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(3) },
        }, timeProvider: time, credentials: SesCredentials.FromAccessKey(FakeSes.AccessKey, FakeSes.SecretKey), logger: log) { NextJitter = () => 1.0 };
        _server.EnqueueFault(FakeSesFault.SendingRateExceeded);
        _server.EnqueueFault(FakeSesFault.ServiceUnavailable);
        _server.EnqueueFault(FakeSesFault.SendingRateExceeded);

        var call = ses.GetSendQuotaAsync(TestMessages.Timeout());

        await WaitForRetries(log, 1);
        time.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Delay(100);
        Assert.Single(_server.Requests);
        time.Advance(TimeSpan.FromMilliseconds(1));             // first wait: 1 s
        await WaitForRetries(log, 2);
        time.Advance(TimeSpan.FromSeconds(2));                  // second: 2 s
        await WaitForRetries(log, 3);
        time.Advance(TimeSpan.FromSeconds(2.9));
        await Task.Delay(100);
        Assert.Equal(3, _server.Requests.Count);
        time.Advance(TimeSpan.FromSeconds(0.1));                // third: capped at 3 s
        var quota = await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(200, quota.Max24HourSend);
        Assert.Equal(4, _server.Requests.Count);
        // Each attempt is signed again at the clock's time.
        Assert.Equal("20261125T170006Z", _server.Requests[3].Headers["x-amz-date"]);
        Assert.All(_server.Requests, r => Assert.True(r.SignatureValid));
        Assert.Contains("SES GetSendQuota failed (attempt 1, Throttling", log.Collector.GetSnapshot()[0].Message, StringComparison.Ordinal);
    }

    /// <summary>Waits until the client logged its n-th retry, which it does just before it starts the wait.</summary>
    private static async Task WaitForRetries(FakeLogger log, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (log.Collector.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"expected {count} retries, saw {log.Collector.Count}");
            await Task.Delay(10);
        }

        await Task.Delay(50);
    }
}
