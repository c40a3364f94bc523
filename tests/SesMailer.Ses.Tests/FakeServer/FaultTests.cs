using System.Net;
using System.Net.Sockets;
using SesMailer.TestSupport.FakeSes;
using Xunit;
using SesMailer.Ses.Model;

namespace SesMailer.Ses.Tests.FakeServer;

/// <summary>The fault cases against the local fake: what is retried, what is not, and what the error says.</summary>
public sealed class FaultTests : IAsyncLifetime
{
    private FakeSesServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeSesServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Send_rate_throttling_then_success_is_retried_and_succeeds()
    {
        using var ses = FakeSes.Client(_server);
        _server.EnqueueFault(FakeSesFault.SendingRateExceeded);
        _server.EnqueueFault(FakeSesFault.SendingRateExceeded);

        var sent = await ses.SendRawEmailAsync(TestMessages.RawRequest(), TestMessages.Timeout());

        Assert.False(string.IsNullOrEmpty(sent.MessageId));
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Service_unavailable_then_success_is_retried_and_succeeds()
    {
        using var ses = FakeSes.Client(_server);
        _server.EnqueueFault(FakeSesFault.ServiceUnavailable);
        _server.EnqueueFault(FakeSesFault.InternalFailure);

        var quota = await ses.GetSendQuotaAsync(TestMessages.Timeout());

        Assert.Equal(200, quota.Max24HourSend);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Throttling_on_every_attempt_surfaces_as_SesSendingRateExceededException_after_the_configured_retries()
    {
        using var ses = FakeSes.Client(_server, retries: 2);
        for (var i = 0; i < 5; i++)
        {
            _server.EnqueueFault(FakeSesFault.SendingRateExceeded);
        }

        var error = await Assert.ThrowsAsync<SesSendingRateExceededException>(() => ses.SendRawEmailAsync(TestMessages.RawRequest(), TestMessages.Timeout()));

        Assert.Equal(3, _server.Requests.Count);
        Assert.True(error.IsRetryable);
        Assert.Equal("Throttling", error.Code);
        Assert.StartsWith("fake-", error.RequestId, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task MessageRejected_is_typed_carries_code_message_and_request_id_and_is_not_retried()
    {
        using var ses = FakeSes.Client(_server);
        _server.EnqueueFault(FakeSesFault.MessageRejected("Email address is not verified."));

        var error = await Assert.ThrowsAsync<SesMessageRejectedException>(() => ses.SendRawEmailAsync(TestMessages.RawRequest(), TestMessages.Timeout()));

        Assert.Single(_server.Requests);
        Assert.False(error.IsRetryable);
        Assert.Equal("MessageRejected", error.Code);
        Assert.Equal("Email address is not verified.", error.ErrorMessage);
        Assert.Equal("Sender", error.ErrorType);
        Assert.Contains(error.RequestId!, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("MessageRejected: Email address is not verified.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Daily_quota_throttling_is_not_retried_in_a_loop()
    {
        using var ses = FakeSes.Client(_server);
        _server.EnqueueFault(FakeSesFault.DailyQuotaExceeded);

        var error = await Assert.ThrowsAsync<SesDailyQuotaExceededException>(() => ses.SendRawEmailAsync(TestMessages.RawRequest(), TestMessages.Timeout()));

        Assert.Single(_server.Requests);
        Assert.False(error.IsRetryable);
        Assert.IsAssignableFrom<SesThrottlingException>(error);
    }

    [Fact]
    public async Task A_connection_reset_after_a_send_left_is_in_doubt_and_not_resent()
    {
        using var ses = FakeSes.Client(_server);
        _server.EnqueueFault(FakeSesFault.ConnectionReset);

        var error = await Assert.ThrowsAsync<SesInDoubtException>(() => ses.SendRawEmailAsync(TestMessages.RawRequest(), TestMessages.Timeout()));

        Assert.Single(_server.Requests);
        Assert.Equal("SendRawEmail", error.Action);
        Assert.False(error.IsRetryable);
        Assert.Contains("may have accepted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_reset_on_a_read_only_call_is_retried_and_succeeds()
    {
        using var ses = FakeSes.Client(_server);
        _server.EnqueueFault(FakeSesFault.ConnectionReset);

        var quota = await ses.GetSendQuotaAsync(TestMessages.Timeout());

        Assert.Equal(1, quota.MaxSendRate);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_send_timing_out_after_its_body_left_is_in_doubt_and_not_resent()
    {
        using var ses = FakeSes.Client(_server, attemptTimeout: TimeSpan.FromMilliseconds(300));
        _server.EnqueueFault(new DelayFault(TimeSpan.FromSeconds(5)));

        var error = await Assert.ThrowsAsync<SesInDoubtException>(() => ses.SendRawEmailAsync(TestMessages.RawRequest(), TestMessages.Timeout()));

        Assert.Single(_server.Requests);
        Assert.IsType<TimeoutException>(error.InnerException);
    }

    // Attempt deadlines come from reused cancellation sources (Retry/AttemptTimeouts): a source that served a finished
    // attempt must neither cancel a later one nor stop timing one out, and a caller's cancellation stays the caller's.
    [Fact]
    public async Task Attempt_timeouts_and_caller_cancellation_hold_across_reused_deadlines()
    {
        using var ses = FakeSes.Client(_server, retries: 0, attemptTimeout: TimeSpan.FromMilliseconds(300));
        for (var i = 0; i < 3; i++)
        {
            await ses.SendRawEmailAsync(TestMessages.RawRequest(), TestMessages.Timeout());
        }

        _server.EnqueueFault(new DelayFault(TimeSpan.FromSeconds(5)));
        var timedOut = await Assert.ThrowsAsync<SesInDoubtException>(() => ses.SendRawEmailAsync(TestMessages.RawRequest(), TestMessages.Timeout()));
        Assert.IsType<TimeoutException>(timedOut.InnerException);

        _server.EnqueueFault(new DelayFault(TimeSpan.FromSeconds(5)));
        using var caller = new CancellationTokenSource();
        var pending = ses.SendRawEmailAsync(TestMessages.RawRequest(), caller.Token);
        while (_server.Requests.Count < 5)
        {
            await Task.Delay(10);
        }

        await caller.CancelAsync();
        var cancelled = await Assert.ThrowsAsync<SesInDoubtException>(() => pending);
        Assert.IsAssignableFrom<OperationCanceledException>(cancelled.InnerException);

        var after = await ses.SendRawEmailAsync(TestMessages.RawRequest(), TestMessages.Timeout());
        Assert.False(string.IsNullOrEmpty(after.MessageId));
        Assert.Equal(6, _server.Requests.Count);
    }

    [Fact]
    public async Task A_refused_connection_never_sent_anything_and_is_retried_then_reported()
    {
        var port = FreePort();
        using var ses = new SesClient(new SesClientOptions
        {
            Region = "us-east-1",
            Endpoint = new Uri($"http://127.0.0.1:{port}/"),
            Retry = new SesRetryOptions { MaxRetryAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) },
        }, credentials: SesCredentials.FromAccessKey(FakeSes.AccessKey, FakeSes.SecretKey));

        var error = await Assert.ThrowsAsync<SesConnectionException>(() => ses.SendRawEmailAsync(TestMessages.RawRequest(), TestMessages.Timeout()));

        Assert.True(error.IsRetryable);
        Assert.Contains("nothing was sent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_proxy_page_is_reported_with_the_status_and_the_start_of_the_body()
    {
        using var ses = FakeSes.Client(_server, retries: 0);
        _server.EnqueueFault(FakeSesFault.Malformed(HttpStatusCode.BadGateway, "<html><body><h1>502 Bad Gateway</h1></body></html>"));

        var error = await Assert.ThrowsAsync<SesUnexpectedResponseException>(() => ses.GetSendQuotaAsync(TestMessages.Timeout()));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Contains("HTTP 502", error.Message, StringComparison.Ordinal);
        Assert.Contains("502 Bad Gateway", error.Message, StringComparison.Ordinal);
        Assert.True(error.IsRetryable);
    }

    [Fact]
    public async Task A_truncated_success_body_of_a_send_is_in_doubt_and_quoted_not_misread()
    {
        using var ses = FakeSes.Client(_server);
        _server.EnqueueFault(FakeSesFault.Malformed(HttpStatusCode.OK, "<SendRawEmailResponse xmlns=\"http://ses.amazonaws.com/doc/2010-12-01/\"><SendRawEmailResult><MessageId>0100", "text/xml"));

        var error = await Assert.ThrowsAsync<SesInDoubtException>(() => ses.SendRawEmailAsync(TestMessages.RawRequest(), TestMessages.Timeout()));

        Assert.Single(_server.Requests);
        Assert.False(error.IsRetryable);
        var cause = Assert.IsType<SesUnexpectedResponseException>(error.InnerException);
        Assert.Contains("HTTP 200", cause.Message, StringComparison.Ordinal);
        Assert.Contains("<SendRawEmailResponse", cause.BodyStart, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_rejected_naming_the_field_and_nothing_is_sent()
    {
        using var ses = FakeSes.Client(_server);

        var injection = await Assert.ThrowsAsync<EmailValidationException>(() => ses.SendEmailAsync(new SendEmailRequest
        {
            Source = "a@example.com", ToAddresses = ["b@example.com"], Subject = "Hi\r\nBcc: victim@example.com", TextBody = "x",
        }, TestMessages.Timeout()));
        var tooMany = await Assert.ThrowsAsync<TooManyRecipientsException>(() => ses.SendRawEmailAsync(TestMessages.RawRequest() with
        {
            Destinations = Enumerable.Range(0, 51).Select(i => $"r{i}@example.com").ToList(),
        }, TestMessages.Timeout()));
        var nonAscii = await Assert.ThrowsAsync<EmailValidationException>(() => ses.SendRawEmailAsync(TestMessages.RawRequest() with { Destinations = ["jörg@example.com"] }, TestMessages.Timeout()));
        var badTag = await Assert.ThrowsAsync<EmailValidationException>(() => ses.SendRawEmailAsync(TestMessages.RawRequest() with { Tags = [new("kind", "a b")] }, TestMessages.Timeout()));
        var noBody = await Assert.ThrowsAsync<EmailValidationException>(() => ses.SendEmailAsync(new SendEmailRequest
        {
            Source = "a@example.com", ToAddresses = ["b@example.com"], Subject = "Hi",
        }, TestMessages.Timeout()));
        var tooBig = await Assert.ThrowsAsync<MessageTooLargeException>(() => ses.SendRawEmailAsync(TestMessages.RawRequest() with { RawMessage = new byte[10_000_001] }, TestMessages.Timeout()));

        Assert.Equal(("Subject", EmailRules.NoLineBreaks), (injection.ParamName, injection.Rule));
        Assert.Contains("line break (U+000D)", injection.Message, StringComparison.Ordinal);
        Assert.Equal(("Destinations", EmailRules.MaxRecipients), (tooMany.ParamName, tooMany.Rule));
        Assert.Contains("at most 50", tooMany.Message, StringComparison.Ordinal);
        Assert.Equal(51, tooMany.Count);
        Assert.Equal(("Destinations[0]", EmailRules.AsciiLocalPart), (nonAscii.ParamName, nonAscii.Rule));
        Assert.Contains("ASCII", nonAscii.Message, StringComparison.Ordinal);
        Assert.Equal(("Tags[0].Value", EmailRules.TagCharset), (badTag.ParamName, badTag.Rule));
        Assert.Equal(("TextBody", EmailRules.Required), (noBody.ParamName, noBody.Rule));
        Assert.Equal(("RawMessage", EmailRules.MaxMessageSize), (tooBig.ParamName, tooBig.Rule));
        Assert.Equal(10_000_001, tooBig.Size);
        Assert.Contains("10 MB", tooBig.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
