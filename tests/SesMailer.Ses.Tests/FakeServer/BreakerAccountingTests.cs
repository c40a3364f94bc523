using SesMailer.TestSupport.FakeSes;
using Xunit;

namespace SesMailer.Ses.Tests.FakeServer;

/// <summary>
/// The client makes a call's first attempt outside the retry pipeline while the breaker is closed and hands the
/// outcome to the pipeline afterwards. The breaker must count exactly what it counted when every attempt ran inside
/// it: successes too, since its failure ratio is over all calls in the sampling window.
/// </summary>
public sealed class BreakerAccountingTests : IAsyncLifetime
{
    private FakeSesServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeSesServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Three_successes_then_three_server_errors_reach_half_and_open_the_breaker()
    {
        using var ses = Client();
        await SucceedAsync(ses, 3);
        await FailAsync(ses, 3);

        // 3 failures of 6 calls: the ratio 0.5 is reached with 6 calls >= MinimumThroughput 4.
        await Assert.ThrowsAsync<SesCircuitOpenException>(() => ses.SendRawEmailAsync(TestMessages.RawRequest(), TestMessages.Timeout()));
        Assert.Equal(6, _server.Requests.Count);
    }

    [Fact]
    public async Task Five_successes_keep_four_server_errors_under_the_ratio()
    {
        using var ses = Client();
        await SucceedAsync(ses, 5);
        await FailAsync(ses, 4);

        // 4 failures of 9 calls: under 0.5, so the breaker stays closed (were successes not counted, 4 of 4 would open it).
        var sent = await ses.SendRawEmailAsync(TestMessages.RawRequest(), TestMessages.Timeout());
        Assert.NotEmpty(sent.MessageId);
        Assert.Equal(10, _server.Requests.Count);
    }

    [Fact]
    public async Task A_retried_first_attempt_is_counted_once_and_retried_once()
    {
        using var ses = new SesClient(new SesClientOptions
        {
            Region = "us-west-2",
            Endpoint = _server.Endpoint,
            Retry = new SesRetryOptions { MaxRetryAttempts = 1, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(1) },
            CircuitBreaker = new SesCircuitBreakerOptions { MinimumThroughput = 2, FailureRatio = 1, BreakDuration = TimeSpan.FromMinutes(1) },
        }, credentials: SesCredentials.FromAccessKey(FakeSes.AccessKey, FakeSes.SecretKey));
        _server.EnqueueFault(FakeSesFault.InternalFailure);

        // The failed first attempt (made outside the pipeline) is retried by it, not made again: two requests, and
        // the breaker saw one failure and one success, so it stays closed for the next call.
        var sent = await ses.SendRawEmailAsync(TestMessages.RawRequest(), TestMessages.Timeout());
        Assert.NotEmpty(sent.MessageId);
        Assert.Equal(2, _server.Requests.Count);
        await SucceedAsync(ses, 1);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Sends_cancelled_after_their_body_left_are_in_doubt_and_counted_against_the_breaker()
    {
        using var ses = new SesClient(new SesClientOptions
        {
            Region = "us-west-2",
            Endpoint = _server.Endpoint,
            CircuitBreaker = new SesCircuitBreakerOptions { MinimumThroughput = 2, FailureRatio = 1, BreakDuration = TimeSpan.FromMinutes(1) },
        }, credentials: SesCredentials.FromAccessKey(FakeSes.AccessKey, FakeSes.SecretKey));
        for (var i = 1; i <= 2; i++)
        {
            _server.EnqueueFault(new DelayFault(TimeSpan.FromSeconds(10)));
            using var cancel = new CancellationTokenSource();
            var sending = ses.SendRawEmailAsync(TestMessages.RawRequest(), cancel.Token);
            for (var wait = 0; wait < 500 && _server.Requests.Count < i; wait++)
            {
                await Task.Delay(10);
            }

            await cancel.CancelAsync();
            await Assert.ThrowsAsync<SesInDoubtException>(() => sending);
        }

        // The caller had given up when each outcome reached the pipeline; the breaker counted both all the same
        // (in doubt counts against it), so it opened, and the next send fails fast.
        await Assert.ThrowsAsync<SesCircuitOpenException>(() => ses.SendRawEmailAsync(TestMessages.RawRequest(), TestMessages.Timeout()));
        Assert.Equal(2, _server.Requests.Count);
    }

    private SesClient Client() => new(new SesClientOptions
    {
        Region = "us-west-2",
        Endpoint = _server.Endpoint,
        Retry = new SesRetryOptions { MaxRetryAttempts = 0 },
        CircuitBreaker = new SesCircuitBreakerOptions { MinimumThroughput = 4, FailureRatio = 0.5, SamplingDuration = TimeSpan.FromMinutes(1), BreakDuration = TimeSpan.FromMinutes(1) },
    }, credentials: SesCredentials.FromAccessKey(FakeSes.AccessKey, FakeSes.SecretKey));

    private static async Task SucceedAsync(SesClient ses, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.NotEmpty((await ses.SendRawEmailAsync(TestMessages.RawRequest(), TestMessages.Timeout())).MessageId);
        }
    }

    private async Task FailAsync(SesClient ses, int count)
    {
        for (var i = 0; i < count; i++)
        {
            _server.EnqueueFault(FakeSesFault.InternalFailure);
            var failure = await Assert.ThrowsAsync<SesException>(() => ses.SendRawEmailAsync(TestMessages.RawRequest(), TestMessages.Timeout()));
            Assert.Equal("InternalFailure", failure.Code);
        }
    }
}
