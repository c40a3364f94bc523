using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using SesMailer.Configuration;
using SesMailer.Ses;
using SesMailer.Sending;

namespace SesMailer.Tests.Sending;

/// <summary>The limiter on a fake clock: recipients per sliding second, big messages, lanes, AIMD, the quota.</summary>
public sealed class SendRateLimiterTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    private SendRateLimiter Limiter(double? rate = 10, double share = 0.2, int concurrency = 100, Func<CancellationToken, Task<double>>? quota = null, ILogger? logger = null) =>
        new(new SendingOptions { MaxSendRate = rate, InteractiveShare = share, MaxConcurrency = concurrency }, quota, _clock, logger);

    [Fact]
    public async Task Recipients_of_a_second_are_granted_and_the_next_waits_until_a_second_after_the_answers()
    {
        using var limiter = Limiter(rate: 10, share: 0);
        var first = await limiter.AcquireAsync(6, SendLane.Bulk);
        var second = await limiter.AcquireAsync(4, SendLane.Bulk);
        var third = limiter.AcquireAsync(1, SendLane.Bulk).AsTask();
        Assert.False(third.IsCompleted);

        _clock.Advance(TimeSpan.FromMilliseconds(300));
        first.Dispose();
        second.Dispose();
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(third.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        (await third).Dispose();
    }

    [Fact]
    public async Task A_message_larger_than_the_rate_waits_for_an_empty_second_and_is_not_overtaken()
    {
        using var limiter = Limiter(rate: 20, share: 0);
        (await limiter.AcquireAsync(1, SendLane.Bulk)).Dispose();
        var big = limiter.AcquireAsync(50, SendLane.Bulk).AsTask();
        var small = limiter.AcquireAsync(1, SendLane.Bulk).AsTask();
        Assert.False(big.IsCompleted);
        Assert.False(small.IsCompleted);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var lease = await big;
        Assert.False(small.IsCompleted);
        lease.Dispose();
        _clock.Advance(TimeSpan.FromSeconds(1));
        (await small).Dispose();
    }

    [Fact]
    public async Task Interactive_sends_keep_their_share_while_bulk_sends_wait()
    {
        using var limiter = Limiter(rate: 10, share: 0.2);
        var bulk = new List<IDisposable>();
        for (var i = 0; i < 8; i++)
        {
            bulk.Add(await limiter.AcquireAsync(1, SendLane.Bulk));
        }

        var ninthBulk = limiter.AcquireAsync(1, SendLane.Bulk).AsTask();
        var reset = limiter.AcquireAsync(1, SendLane.Interactive).AsTask();

        Assert.False(ninthBulk.IsCompleted);
        Assert.True(reset.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_waiting_interactive_send_goes_before_waiting_bulk_sends()
    {
        using var limiter = Limiter(rate: 2, share: 0);
        var held = await limiter.AcquireAsync(2, SendLane.Bulk);
        var bulk = limiter.AcquireAsync(2, SendLane.Bulk).AsTask();
        var reset = limiter.AcquireAsync(2, SendLane.Interactive).AsTask();
        held.Dispose();
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True(reset.IsCompletedSuccessfully);
        Assert.False(bulk.IsCompleted);
    }

    [Fact]
    public async Task Concurrency_is_bounded()
    {
        using var limiter = Limiter(rate: 1000, concurrency: 2);
        var a = await limiter.AcquireAsync(1, SendLane.Bulk);
        _ = await limiter.AcquireAsync(1, SendLane.Bulk);
        var third = limiter.AcquireAsync(1, SendLane.Bulk).AsTask();
        Assert.False(third.IsCompleted);
        a.Dispose();
        Assert.True(third.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_cancelled_wait_holds_nothing_and_lets_the_next_one_through()
    {
        using var limiter = Limiter(rate: 5, share: 0);
        (await limiter.AcquireAsync(5, SendLane.Bulk)).Dispose();
        using var cancel = new CancellationTokenSource();
        var cancelled = limiter.AcquireAsync(5, SendLane.Bulk, cancel.Token).AsTask();
        var next = limiter.AcquireAsync(5, SendLane.Bulk).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        _clock.Advance(TimeSpan.FromSeconds(1));
        (await next).Dispose();
    }

    [Fact]
    public void A_throttle_halves_the_rate_and_it_climbs_back_to_the_allowed_one()
    {
        using var limiter = Limiter(rate: 40);
        limiter.ReportThrottled();
        Assert.Equal(20, limiter.CurrentRate);
        limiter.ReportThrottled(); // the same burst: no second decrease within a second
        Assert.Equal(20, limiter.CurrentRate);

        _clock.Advance(TimeSpan.FromSeconds(5)); // + 40/20 per second
        Assert.Equal(30, limiter.CurrentRate, 3);
        limiter.ReportThrottled();
        Assert.Equal(15, limiter.CurrentRate, 3);
        _clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(40, limiter.CurrentRate);
        Assert.Equal(3, limiter.Throttles);
    }

    [Fact]
    public async Task A_lowered_rate_holds_bulk_sends_to_it()
    {
        using var limiter = Limiter(rate: 10, share: 0);
        limiter.ReportThrottled();
        (await limiter.AcquireAsync(5, SendLane.Bulk)).Dispose();
        var sixth = limiter.AcquireAsync(1, SendLane.Bulk).AsTask();
        Assert.False(sixth.IsCompleted);
    }

    [Fact]
    public async Task The_quota_is_asked_at_most_once_a_minute_and_again_after_a_throttle()
    {
        var asked = 0;
        using var limiter = Limiter(rate: null, quota: _ => { asked++; return Task.FromResult(14.0); });
        (await limiter.AcquireAsync(1, SendLane.Bulk)).Dispose();
        Assert.Equal(14, limiter.AllowedRate);
        for (var i = 0; i < 5; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(10));
            (await limiter.AcquireAsync(1, SendLane.Bulk)).Dispose();
        }

        Assert.Equal(1, asked);
        _clock.Advance(TimeSpan.FromSeconds(10));
        (await limiter.AcquireAsync(1, SendLane.Bulk)).Dispose();
        Assert.Equal(2, asked);

        limiter.ReportThrottled();
        (await limiter.AcquireAsync(1, SendLane.Bulk)).Dispose();
        Assert.Equal(3, asked);
    }

    [Fact]
    public async Task A_denied_quota_falls_back_to_one_per_second_and_says_so_once()
    {
        var logger = new FakeLogger();
        var asked = 0;
        using var limiter = Limiter(rate: null, logger: logger, quota: _ =>
        {
            asked++;
            throw new SesAuthenticationException("AccessDenied", "User is not authorized to perform ses:GetSendQuota", "req-1", System.Net.HttpStatusCode.Forbidden);
        });

        for (var i = 0; i < 3; i++)
        {
            (await limiter.AcquireAsync(1, SendLane.Bulk)).Dispose();
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(3, asked);
        Assert.Equal(1, limiter.AllowedRate);
        var log = Assert.Single(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("SesMailer:Sending:MaxSendRate", log.Message, StringComparison.Ordinal);
        Assert.Contains("AccessDenied", log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quota_that_never_answers_times_out_on_the_clock_and_falls_back()
    {
        var logger = new FakeLogger();
        using var limiter = Limiter(rate: null, logger: logger, quota: async ct =>
        {
            // Never answers: the token's cancellation ends the wait without a rate (a continuation that returned 50
            // once cancelled raced the limiter's own timeout on the same clock tick).
            await Task.Delay(Timeout.Infinite, ct);
            return 50.0;
        });

        (await limiter.AcquireAsync(1, SendLane.Bulk)).Dispose();
        Assert.Empty(logger.Collector.GetSnapshot());
        _clock.Advance(TimeSpan.FromSeconds(10));
        await WaitForAsync(() => logger.Collector.Count == 1);

        Assert.Equal(1, limiter.AllowedRate);
    }

    [Fact]
    public void Bad_settings_are_named()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SendRateLimiter(new SendingOptions { InteractiveShare = 1.5 }));
        Assert.Contains("Sending:InteractiveShare: '1.5' must be from 0 to 0.9", error.Message, StringComparison.Ordinal);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
