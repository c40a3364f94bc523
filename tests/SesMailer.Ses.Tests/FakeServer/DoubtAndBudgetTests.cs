using System.Net;
using SesMailer.Ses.Model;
using SesMailer.TestSupport.FakeSes;
using Xunit;

namespace SesMailer.Ses.Tests.FakeServer;

/// <summary>
/// A send is retried only when SES certainly did not take it; everything else after the body left is in doubt.
/// And retries have a budget: attempts, time per call, and a breaker shared by all calls.
/// </summary>
public sealed class DoubtAndBudgetTests : IAsyncLifetime
{
    private const string ProxyTimeoutPage = "<html><head><title>504 Gateway Time-out</title></head><body><h1>504 Gateway Time-out</h1></body></html>";

    private FakeSesServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeSesServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task A_proxy_page_answering_a_send_is_in_doubt_and_not_resent(HttpStatusCode status)
    {
        using var ses = FakeSes.Client(_server, retries: 3);
        _server.EnqueueFault(FakeSesFault.Malformed(status, ProxyTimeoutPage));

        var error = await Assert.ThrowsAsync<SesInDoubtException>(() => ses.SendRawEmailAsync(TestMessages.RawRequest(), TestMessages.Timeout()));

        Assert.Single(_server.Requests);
        Assert.True(error.IsInDoubt);
        Assert.False(error.IsRetryable);
        var cause = Assert.IsType<SesUnexpectedResponseException>(error.InnerException);
        Assert.Equal(status, cause.StatusCode);
        Assert.Contains("Gateway Time-out", cause.BodyStart, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_proxy_page_answering_a_read_is_retried_as_the_read_is_safe_to_repeat()
    {
        using var ses = FakeSes.Client(_server, retries: 3);
        _server.EnqueueFault(FakeSesFault.Malformed(HttpStatusCode.GatewayTimeout, ProxyTimeoutPage));

        var quota = await ses.GetSendQuotaAsync(TestMessages.Timeout());

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(200, quota.Max24HourSend);
    }

    [Fact]
    public async Task An_ses_error_document_with_a_retryable_code_is_retried_for_a_send()
    {
        using var ses = FakeSes.Client(_server, retries: 3);
        _server.EnqueueFault(FakeSesFault.ServiceUnavailable);

        var sent = await ses.SendRawEmailAsync(TestMessages.RawRequest(), TestMessages.Timeout());

        Assert.Equal(2, _server.Requests.Count);
        Assert.NotEmpty(sent.MessageId);
    }

    [Fact]
    public async Task A_send_cancelled_after_its_body_left_is_in_doubt_not_cancelled()
    {
        using var ses = FakeSes.Client(_server);
        _server.EnqueueFault(new DelayFault(TimeSpan.FromSeconds(10)));
        using var cancel = new CancellationTokenSource();
        var sending = ses.SendRawEmailAsync(TestMessages.RawRequest(), cancel.Token);
        await WaitForRequestsAsync(1);

        await cancel.CancelAsync();
        var error = await Assert.ThrowsAsync<SesInDoubtException>(() => sending);

        Assert.IsAssignableFrom<OperationCanceledException>(error.InnerException);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_send_cancelled_before_it_started_is_a_plain_cancellation()
    {
        using var ses = FakeSes.Client(_server);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ses.SendRawEmailAsync(TestMessages.RawRequest(), cancel.Token));

        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Retries_stop_when_the_time_budget_of_the_call_is_spent()
    {
        using var ses = new SesClient(new SesClientOptions
        {
            Region = "us-west-2",
            Endpoint = _server.Endpoint,
            Retry = new SesRetryOptions
            {
                MaxRetryAttempts = 50,
                BaseDelay = TimeSpan.FromMilliseconds(100),
                MaxDelay = TimeSpan.FromMilliseconds(100),
                MaxRetryTime = TimeSpan.FromMilliseconds(250),
            },
            CircuitBreaker = new SesCircuitBreakerOptions { Enabled = false },
        }, credentials: SesCredentials.FromAccessKey(FakeSes.AccessKey, FakeSes.SecretKey)) { NextJitter = () => 1 };
        for (var i = 0; i < 60; i++)
        {
            _server.EnqueueFault(FakeSesFault.SendingRateExceeded);
        }

        await Assert.ThrowsAsync<SesSendingRateExceededException>(() => ses.SendRawEmailAsync(TestMessages.RawRequest(), TestMessages.Timeout()));

        // 100 ms waits inside a 250 ms budget: the first attempt and at most three retries, never fifty.
        Assert.InRange(_server.Requests.Count, 2, 4);
    }

    [Fact]
    public async Task Repeated_server_errors_across_sends_open_the_breaker_and_later_sends_fail_fast_with_nothing_sent()
    {
        using var ses = new SesClient(new SesClientOptions
        {
            Region = "us-west-2",
            Endpoint = _server.Endpoint,
            Retry = new SesRetryOptions { MaxRetryAttempts = 0 },
            CircuitBreaker = new SesCircuitBreakerOptions { MinimumThroughput = 3, FailureRatio = 1, BreakDuration = TimeSpan.FromMinutes(1) },
        }, credentials: SesCredentials.FromAccessKey(FakeSes.AccessKey, FakeSes.SecretKey));
        for (var i = 0; i < 3; i++)
        {
            _server.EnqueueFault(FakeSesFault.InternalFailure);
        }

        for (var i = 0; i < 3; i++)
        {
            var failure = await Assert.ThrowsAsync<SesException>(() => ses.SendRawEmailAsync(TestMessages.RawRequest(), TestMessages.Timeout()));
            Assert.Equal("InternalFailure", failure.Code);
        }

        var refused = await Assert.ThrowsAsync<SesCircuitOpenException>(() => ses.SendRawEmailAsync(TestMessages.RawRequest(), TestMessages.Timeout()));

        Assert.Equal(3, _server.Requests.Count);
        Assert.True(refused.IsNotAttempted);
        Assert.True(((IDeliveryFailure)refused).IsNotAttempted);
        Assert.False(refused.IsInDoubt);
        Assert.Contains("nothing was sent", refused.Message, StringComparison.Ordinal);
        Assert.NotNull(refused.RetryAfter);
    }

    [Fact]
    public async Task Rejections_and_throttles_prove_ses_is_up_and_never_open_the_breaker()
    {
        using var ses = new SesClient(new SesClientOptions
        {
            Region = "us-west-2",
            Endpoint = _server.Endpoint,
            Retry = new SesRetryOptions { MaxRetryAttempts = 0 },
            CircuitBreaker = new SesCircuitBreakerOptions { MinimumThroughput = 2, FailureRatio = 0.5 },
        }, credentials: SesCredentials.FromAccessKey(FakeSes.AccessKey, FakeSes.SecretKey));
        for (var i = 0; i < 4; i++)
        {
            _server.EnqueueFault(i % 2 == 0 ? FakeSesFault.MessageRejected() : FakeSesFault.SendingRateExceeded);
        }

        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAnyAsync<SesException>(() => ses.SendRawEmailAsync(TestMessages.RawRequest(), TestMessages.Timeout()));
        }

        var sent = await ses.SendRawEmailAsync(TestMessages.RawRequest(), TestMessages.Timeout());
        Assert.NotEmpty(sent.MessageId);
    }

    [Fact]
    public void Out_of_range_breaker_settings_are_refused_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SesClient(new SesClientOptions
        {
            Region = "us-west-2",
            CircuitBreaker = new SesCircuitBreakerOptions { FailureRatio = 0 },
        }));

        Assert.Contains("FailureRatio", error.Message, StringComparison.Ordinal);
    }

    private async Task WaitForRequestsAsync(int count)
    {
        for (var i = 0; i < 500 && _server.Requests.Count < count; i++)
        {
            await Task.Delay(10);
        }
    }
}
