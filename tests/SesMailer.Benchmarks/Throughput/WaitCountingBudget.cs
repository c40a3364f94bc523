using SesMailer.Sending;

namespace SesMailer.Benchmarks.Throughput;

/// <summary>
/// The transport's real <see cref="SendRateLimiter"/>, counting the grants that did not come at once: the throughput
/// benchmark proves with it that the limiter never paced the candidate (a paced candidate would measure the rate
/// setting, not the client).
/// </summary>
public sealed class WaitCountingBudget(SendRateLimiter inner) : ISendRateBudget, IDisposable
{
    private long _waited;

    /// <summary>Grants that had to wait.</summary>
    public long Waited => Interlocked.Read(ref _waited);

    /// <summary>Throttles the limiter heard of.</summary>
    public long Throttles => inner.Throttles;

    /// <inheritdoc />
    public double CurrentRate => inner.CurrentRate;

    /// <inheritdoc />
    public ValueTask<IDisposable> AcquireAsync(int recipients, SendLane lane, CancellationToken cancellationToken = default)
    {
        var grant = inner.AcquireAsync(recipients, lane, cancellationToken);
        if (!grant.IsCompleted)
        {
            Interlocked.Increment(ref _waited);
        }

        return grant;
    }

    /// <inheritdoc />
    public void ReportThrottled() => inner.ReportThrottled();

    /// <inheritdoc />
    public void Dispose() => inner.Dispose();

    /// <summary>Forgets the count.</summary>
    public void Reset() => Interlocked.Exchange(ref _waited, 0);
}
