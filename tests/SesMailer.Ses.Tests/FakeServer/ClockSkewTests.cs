using Microsoft.Extensions.Time.Testing;
using SesMailer.TestSupport.FakeSes;
using Xunit;
using SesMailer.Ses.Model;

namespace SesMailer.Ses.Tests.FakeServer;

/// <summary>RequestExpired (clock skew over 15 minutes): the client learns SES's time from the answer and signs again once.</summary>
public sealed class ClockSkewTests : IAsyncLifetime
{
    private FakeSesServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeSesServer.StartAsync();
        _server.CheckRequestTime = true;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_send_from_a_clock_an_hour_behind_is_re_signed_with_the_corrected_time_and_accepted()
    {
        var slowClock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-1));
        using var ses = FakeSes.Client(_server, time: slowClock);

        var sent = await ses.SendRawEmailAsync(new SendRawEmailRequest
        {
            RawMessage = TestMessages.Mime("a@example.com", "b@example.com", "s", "t", "<p>h</p>"),
            Destinations = ["b@example.com"],
        }, TestMessages.Timeout());
        await ses.GetSendQuotaAsync(TestMessages.Timeout());

        Assert.False(string.IsNullOrEmpty(sent.MessageId));
        Assert.InRange(ses.ClockOffset, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
        // Refused once, accepted once; afterwards every request is signed on SES's time straight away.
        Assert.Equal(3, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.True(r.SignatureValid));
    }

    [Fact]
    public async Task A_RequestExpired_without_a_usable_date_is_an_authentication_error()
    {
        using var ses = FakeSes.Client(_server);
        _server.EnqueueFault(new ErrorFault(System.Net.HttpStatusCode.BadRequest, "Sender", "RequestExpired", "Request has expired."));

        // The answer's Date is the real time, which matches the client's clock: nothing to learn, nothing resent.
        var error = await Assert.ThrowsAsync<SesAuthenticationException>(() => ses.GetSendQuotaAsync(TestMessages.Timeout()));

        Assert.Equal("RequestExpired", error.Code);
        Assert.Single(_server.Requests);
        Assert.Equal(TimeSpan.Zero, ses.ClockOffset);
    }
}
