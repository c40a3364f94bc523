using System.Diagnostics.Metrics;
using SesMailer.Mailing;
using SesMailer.PostgreSql.Queueing;

namespace SesMailer.PostgreSql.Observability;

/// <summary>
/// The queue's instruments, on the meter <c>SesMailer</c> (<see cref="MailerTelemetry.Name"/>, as the mailer's):
/// <c>sesmailer.queue.depth</c> (by <c>state</c>), <c>sesmailer.queue.oldest_pending_age</c> (s),
/// <c>sesmailer.queue.in_doubt</c>, <c>sesmailer.queue.expired_leases</c> (by <c>to</c>: pending, in_doubt) and
/// <c>sesmailer.queue.outcomes</c> (by <c>state</c>), <c>sesmailer.queue.late_outcomes</c> (held through a database
/// outage, by <c>state</c> and <c>from</c>: sending, in_doubt, unsent, changed). The gauges show the last <see cref="RefreshAsync"/>, which the
/// hosted worker calls every few seconds.
/// </summary>
public sealed class QueueMetrics : IDisposable
{
    private readonly PostgresOutbox _outbox;
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _expired;
    private readonly Counter<long> _outcomes;
    private readonly Counter<long> _late;
    private QueueStatus? _last;

    /// <summary>Creates the instruments for <paramref name="outbox"/>.</summary>
    /// <param name="outbox">The queue measured.</param>
    /// <param name="meterFactory">The host's meter factory, or <see langword="null"/> for a meter of its own.</param>
    public QueueMetrics(PostgresOutbox outbox, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        _outbox = outbox;
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MailerTelemetry.Name) ?? new Meter(MailerTelemetry.Name);
        _meter.CreateObservableGauge("sesmailer.queue.depth", ObserveDepth, "{message}", "Queued messages by state.");
        _meter.CreateObservableGauge("sesmailer.queue.oldest_pending_age", ObserveOldest, "s", "How long the oldest pending message has waited.");
        _meter.CreateObservableGauge("sesmailer.queue.in_doubt", () => _last?.InDoubt ?? 0, "{message}", "Messages that may or may not have reached SES: a person settles them.");
        _expired = _meter.CreateCounter<long>("sesmailer.queue.expired_leases", "{lease}", "Expired leases swept: to pending (claimed) or to in_doubt (sending).");
        _outcomes = _meter.CreateCounter<long>("sesmailer.queue.outcomes", "{message}", "Send outcomes recorded by workers, by resulting state.");
        _late = _meter.CreateCounter<long>("sesmailer.queue.late_outcomes", "{message}", "Outcomes a worker held through a database outage and recorded late, by state and the row's state then (in_doubt: settled after its lease expired).");
    }

    /// <summary>The meter the instruments belong to (named <c>SesMailer</c>).</summary>
    public Meter Meter => _meter;

    /// <summary>The last status read, or <see langword="null"/> before the first <see cref="RefreshAsync"/>.</summary>
    public QueueStatus? Last => Volatile.Read(ref _last);

    /// <summary>Reads the queue's status for the gauges.</summary>
    /// <exception cref="Npgsql.NpgsqlException">The database could not be reached.</exception>
    public async Task<QueueStatus> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var status = await _outbox.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _last, status);
        return status;
    }

    /// <summary>Stops the instruments of a meter of its own.</summary>
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    internal void ExpiredLeases(int toPending, int toInDoubt)
    {
        _expired.Add(toPending, new KeyValuePair<string, object?>("to", "pending"));
        _expired.Add(toInDoubt, new KeyValuePair<string, object?>("to", "in_doubt"));
    }

    internal void Outcome(string state) => _outcomes.Add(1, new KeyValuePair<string, object?>("state", state));

    internal void LateOutcome(string state, string from) =>
        _late.Add(1, new KeyValuePair<string, object?>("state", state), new KeyValuePair<string, object?>("from", from));

    private IEnumerable<Measurement<long>> ObserveDepth()
    {
        if (Volatile.Read(ref _last) is not { } status)
        {
            yield break;
        }

        foreach (var (state, count) in status.Counts)
        {
            yield return new Measurement<long>(count, new KeyValuePair<string, object?>("state", QueueStates.ToColumn(state)));
        }
    }

    private IEnumerable<Measurement<double>> ObserveOldest()
    {
        if (Volatile.Read(ref _last) is { OldestPendingAge: { } age })
        {
            yield return new Measurement<double>(age.TotalSeconds);
        }
    }
}
