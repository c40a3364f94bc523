using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SesMailer.Configuration;

namespace SesMailer.Sending;

/// <summary>
/// The in-process <see cref="ISendRateBudget"/>: recipients per sliding second, with a reserved share for
/// interactive sends, bounded concurrency, and a rate that halves on a throttle and climbs back (AIMD).
/// </summary>
/// <remarks>
/// <para>
/// SES counts a message in the second it accepts it, which lies somewhere between the moment a send starts and the
/// moment its answer arrives. So a lease holds its recipients from the moment it is granted until one second after
/// it is disposed (the answer came): whatever SES counts in any second, this limiter counted too, however long
/// the request took on the wire. Only the network round trip is lost from the rate.
/// </para>
/// <para>
/// System.Threading.RateLimiting's limiters take no <see cref="TimeProvider"/>, fix their rate at creation and are not
/// part of the base framework (they ship with ASP.NET Core), so this one is written over a <see cref="TimeProvider"/>
/// timer instead: tests drive it with a fake clock, and a throttle can lower its rate.
/// </para>
/// </remarks>
public sealed partial class SendRateLimiter : ISendRateBudget, IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan QuotaRefresh = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<CancellationToken, Task<double>>? _quota;
    private readonly int _maxConcurrency;
    private readonly double _interactiveShare;
    private readonly TimeSpan _quotaTimeout;

    // Leases whose answer came, in the order they expire (one second after their release, and releases happen in
    // time order under the lock): the oldest is always first, so purging and finding the next expiry are O(1).
    private readonly Queue<Lease> _expiring = new();
    private readonly LinkedList<Waiter> _interactive = new();
    private readonly LinkedList<Waiter> _bulk = new();
    private readonly ITimer _timer;
    private double _quotaRate;
    private double _reducedRate;
    private long? _reducedAt;
    private int _inFlight;

    // Recipients of every lease in flight or still counted after its answer: kept as a sum so that a grant does not
    // walk thousands of leases at high rates.
    private int _heldRecipients;
    private long? _quotaAskedAt;
    private bool _quotaAsking;
    private bool _throttledSinceQuota;
    private bool _fallbackLogged;
    private long _throttles;

    /// <summary>Creates a limiter.</summary>
    /// <param name="options">The rate, concurrency and interactive share (<c>SesMailer:Sending</c>).</param>
    /// <param name="quota">
    /// Reads the account's rate (SES <c>GetSendQuota</c>'s <c>MaxSendRate</c>) when <see cref="SendingOptions.MaxSendRate"/>
    /// is not set; <see langword="null"/> to use <see cref="SendingOptions.FallbackSendRate"/>.
    /// </param>
    /// <param name="timeProvider">The clock, or <see langword="null"/> for the system clock.</param>
    /// <param name="logger">Where throttles and the fallback are logged, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range (named in the message).</exception>
    public SendRateLimiter(SendingOptions options, Func<CancellationToken, Task<double>>? quota = null, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (SendingOptionsRules.Problems(options).FirstOrDefault() is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(options), problem);
        }

        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _maxConcurrency = options.MaxConcurrency;
        _interactiveShare = options.InteractiveShare;
        _quotaTimeout = options.QuotaTimeout;
        _quota = options.MaxSendRate is null ? quota : null;
        _quotaRate = options.MaxSendRate ?? options.FallbackSendRate;
        _timer = _time.CreateTimer(static state => ((SendRateLimiter)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <inheritdoc />
    public double CurrentRate
    {
        get
        {
            lock (_gate)
            {
                return Rate(_time.GetTimestamp());
            }
        }
    }

    /// <summary>The rate the account allows (configured, read from SES, or the fallback), before any throttle lowered it.</summary>
    public double AllowedRate
    {
        get
        {
            lock (_gate)
            {
                return _quotaRate;
            }
        }
    }

    /// <summary>How many throttles were reported since the limiter was created.</summary>
    public long Throttles => Interlocked.Read(ref _throttles);

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="recipients"/> is less than 1.</exception>
    public ValueTask<IDisposable> AcquireAsync(int recipients, SendLane lane, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(recipients, 1);
        cancellationToken.ThrowIfCancellationRequested();
        RefreshQuotaIfDue();
        Waiter waiter;
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            Purge(now);
            var queueEmpty = lane == SendLane.Interactive ? _interactive.Count == 0 : _interactive.Count == 0 && _bulk.Count == 0;
            if (queueEmpty && CanGrant(recipients, lane, now))
            {
                return ValueTask.FromResult<IDisposable>(Grant(recipients));
            }

            waiter = new Waiter(recipients, lane);
            waiter.Node = (lane == SendLane.Interactive ? _interactive : _bulk).AddLast(waiter);
            ScheduleTimer(now);
        }

        if (cancellationToken.CanBeCanceled)
        {
            waiter.Registration = cancellationToken.Register(static (state, token) =>
            {
                var (limiter, w) = ((SendRateLimiter, Waiter))state!;
                limiter.Cancel(w, token);
            }, (this, waiter));
        }

        return new ValueTask<IDisposable>(waiter.Completion.Task);
    }

    /// <inheritdoc />
    public void ReportThrottled()
    {
        Interlocked.Increment(ref _throttles);
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            // The sends of one burst are throttled together: one decrease per second, not one per answer.
            if (_reducedAt is { } at && now - at < Ticks(Window))
            {
                return;
            }

            var rate = Rate(now);
            _reducedRate = Math.Max(0.5, rate / 2);
            _reducedAt = now;
            _throttledSinceQuota = true;
            LogThrottled(_logger, rate, _reducedRate);
        }
    }

    /// <summary>Stops the limiter's timer.</summary>
    public void Dispose() => _timer.Dispose();

    private double IncreasePerSecond => Math.Max(0.5, _quotaRate / 20);

    private double Rate(long now)
    {
        if (_reducedAt is not { } at)
        {
            return _quotaRate;
        }

        var rate = _reducedRate + (IncreasePerSecond * _time.GetElapsedTime(at, now).TotalSeconds);
        if (rate < _quotaRate)
        {
            return rate;
        }

        _reducedAt = null;
        return _quotaRate;
    }

    private int Capacity(SendLane lane, long now)
    {
        var total = Math.Max(1, (int)Math.Floor(Rate(now) + 1e-9));
        return lane == SendLane.Interactive ? total : Math.Max(1, (int)Math.Floor((total * (1 - _interactiveShare)) + 1e-9));
    }

    private bool CanGrant(int recipients, SendLane lane, long now)
    {
        if (_inFlight >= _maxConcurrency)
        {
            return false;
        }

        // A message larger than a second's rate goes alone, into a second with nothing else in it.
        return _heldRecipients == 0 || _heldRecipients + recipients <= Capacity(lane, now);
    }

    private Lease Grant(int recipients)
    {
        _heldRecipients += recipients;
        _inFlight++;
        return new Lease(this, recipients);
    }

    private void Release(Lease lease)
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            _inFlight--;
            lease.ExpiresAt = now + Ticks(Window);
            _expiring.Enqueue(lease);
            Pump(now);
        }
    }

    private void Cancel(Waiter waiter, CancellationToken token)
    {
        lock (_gate)
        {
            if (waiter.Node?.List is { } list)
            {
                list.Remove(waiter.Node);
                waiter.Completion.TrySetCanceled(token);
                Pump(_time.GetTimestamp());
            }
        }
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            Pump(_time.GetTimestamp());
        }
    }

    private void Pump(long now)
    {
        Purge(now);
        while (true)
        {
            // Interactive sends go first; bulk ones in order, so a large message is not overtaken for ever.
            var queue = _interactive.Count > 0 ? _interactive : _bulk;
            if (queue.First is not { } first || !CanGrant(first.Value.Recipients, first.Value.Lane, now))
            {
                break;
            }

            queue.RemoveFirst();
            // Unregister, not Dispose: Dispose would wait for a running Cancel, which waits for this lock.
            first.Value.Registration.Unregister();
            if (!first.Value.Completion.TrySetResult(Grant(first.Value.Recipients)))
            {
                // Cancelled meanwhile: the grant was never handed out.
                _inFlight--;
                _heldRecipients -= first.Value.Recipients;
            }
        }

        ScheduleTimer(now);
    }

    private void Purge(long now)
    {
        while (_expiring.TryPeek(out var oldest) && oldest.ExpiresAt <= now)
        {
            _expiring.Dequeue();
            _heldRecipients -= oldest.Recipients;
        }
    }

    private void ScheduleTimer(long now)
    {
        if (_interactive.Count == 0 && _bulk.Count == 0)
        {
            return;
        }

        // Nothing expires while every held send is in flight: the next answer pumps the queue instead.
        if (_expiring.TryPeek(out var oldest))
        {
            _timer.Change(_time.GetElapsedTime(now, Math.Max(now, oldest.ExpiresAt)), Timeout.InfiniteTimeSpan);
        }
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);

    private void RefreshQuotaIfDue()
    {
        if (_quota is null)
        {
            return;
        }

        lock (_gate)
        {
            var now = _time.GetTimestamp();
            if (_quotaAsking || (_quotaAskedAt is { } at && !_throttledSinceQuota && now - at < Ticks(QuotaRefresh)))
            {
                return;
            }

            _quotaAsking = true;
            _quotaAskedAt = now;
            _throttledSinceQuota = false;
        }

        // Sends do not wait for the answer: they go at the current rate meanwhile, and the answer changes it.
        _ = AskQuotaAsync(_quota);
    }

    private async Task AskQuotaAsync(Func<CancellationToken, Task<double>> quota)
    {
        double? rate = null;
        Exception? error = null;
        try
        {
            using var timeout = new CancellationTokenSource(_quotaTimeout, _time);
            rate = await quota(timeout.Token).WaitAsync(_quotaTimeout, _time).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            error = e;
        }

        lock (_gate)
        {
            _quotaAsking = false;
            if (rate is > 0 and { } allowed)
            {
                if (allowed != _quotaRate)
                {
                    LogQuotaRate(_logger, allowed);
                }

                _quotaRate = allowed;
            }
            else if (!_fallbackLogged)
            {
                _fallbackLogged = true;
                LogQuotaFallback(_logger, _quotaRate, error?.GetType().Name ?? "no rate", (error as Ses.IDeliveryFailure)?.Code ?? string.Empty);
            }

            Pump(_time.GetTimestamp());
        }
    }

    [LoggerMessage(20, LogLevel.Warning, "SES throttled a send at {Rate:0.#} recipients/s: pacing at {ReducedRate:0.#} recipients/s for a while")]
    private static partial void LogThrottled(ILogger logger, double rate, double reducedRate);

    [LoggerMessage(21, LogLevel.Information, "SES allows {Rate:0.#} recipients/s (GetSendQuota): sends are paced to it")]
    private static partial void LogQuotaRate(ILogger logger, double rate);

    [LoggerMessage(22, LogLevel.Warning, "GetSendQuota gave no sending rate ({ErrorType} {ErrorCode}): sends are paced to {Rate:0.#} recipients/s; set SesMailer:Sending:MaxSendRate to choose the rate")]
    private static partial void LogQuotaFallback(ILogger logger, double rate, string errorType, string errorCode);

    private sealed class Waiter(int recipients, SendLane lane)
    {
        public int Recipients { get; } = recipients;

        public SendLane Lane { get; } = lane;

        public TaskCompletionSource<IDisposable> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }

        public CancellationTokenRegistration Registration { get; set; }
    }

    private sealed class Lease(SendRateLimiter owner, int recipients) : IDisposable
    {
        private int _released;

        public int Recipients { get; } = recipients;

        // In flight until the answer came, then counted for one more second.
        public long ExpiresAt { get; set; } = long.MaxValue;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release(this);
            }
        }
    }
}
