using System.Collections.Concurrent;

namespace SesMailer.Ses.Retry;

/// <summary>
/// The cancellation sources that bound each attempt (<see cref="SesClientOptions.AttemptTimeout"/>), reused across
/// attempts: a new source (and its timer) for every send, plus a linked source for a caller's token, cost more than
/// the rest of an attempt's bookkeeping together at thousands of sends per second.
/// </summary>
internal sealed class AttemptTimeouts(TimeProvider time)
{
    // Enough for the concurrency of a busy sender; beyond it, sources are simply created and disposed.
    private const int MaxIdle = 64;

    private readonly ConcurrentQueue<CancellationTokenSource> _idle = new();
    private int _idleCount;

    /// <summary>
    /// Starts an attempt's deadline of <paramref name="timeout"/>; the lease's token is also cancelled when
    /// <paramref name="callerToken"/> is (as a linked source would be). Dispose the lease when the attempt is over.
    /// </summary>
    public Lease Start(TimeSpan timeout, CancellationToken callerToken)
    {
        CancellationTokenSource source;
        if (_idle.TryDequeue(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            source = idle;
            source.CancelAfter(timeout);
        }
        else
        {
            // Created with the delay, so its timer is the injected clock's (CancelAfter reuses that timer later).
            source = new CancellationTokenSource(timeout, time);
        }

        var registration = callerToken.CanBeCanceled
            ? callerToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), source)
            : default;
        return new Lease(this, source, registration, time.GetTimestamp(), timeout);
    }

    private void Finish(CancellationTokenSource source, long started, TimeSpan timeout)
    {
        // Reused only while its deadline is still far off: then its timer cannot be firing at this moment, so a source
        // that was reset cannot be cancelled late by the timer of the attempt before. A cancelled source (timeout or
        // caller) cannot be reset and is disposed.
        if (time.GetElapsedTime(started) < timeout / 2
            && Volatile.Read(ref _idleCount) < MaxIdle
            && source.TryReset())
        {
            Interlocked.Increment(ref _idleCount);
            _idle.Enqueue(source);
            return;
        }

        source.Dispose();
    }

    /// <summary>One attempt's deadline; disposing it stops the deadline and hands the source back.</summary>
    public readonly struct Lease : IDisposable
    {
        private readonly AttemptTimeouts _owner;
        private readonly CancellationTokenSource _source;
        private readonly CancellationTokenRegistration _registration;
        private readonly long _started;
        private readonly TimeSpan _timeout;

        internal Lease(AttemptTimeouts owner, CancellationTokenSource source, CancellationTokenRegistration registration, long started, TimeSpan timeout)
        {
            _owner = owner;
            _source = source;
            _registration = registration;
            _started = started;
            _timeout = timeout;
        }

        /// <summary>Cancelled when the attempt's time is up or the caller cancels.</summary>
        public CancellationToken Token => _source.Token;

        public void Dispose()
        {
            // First the caller's link (waits for a cancellation running on it), so nothing cancels the source once reused.
            _registration.Dispose();
            _owner.Finish(_source, _started, _timeout);
        }
    }
}
