using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SesMailer.Mailing;
using SesMailer.PostgreSql.Budget;
using SesMailer.PostgreSql.Errors;
using SesMailer.PostgreSql.Observability;
using SesMailer.Sending;
using SesMailer.Transport;

namespace SesMailer.PostgreSql.Workers;

/// <summary>
/// Sends the queue's messages: takes a chunk of the shared budget, claims pending rows that fit in it
/// (<c>FOR UPDATE SKIP LOCKED</c>, with a lease), commits each one as <c>sending</c> before its SES call, and records
/// what SES answered. Run as many as you like, in as many processes: they never take the same row, and together
/// they stay under the one rate the budget holds.
/// </summary>
/// <remarks>
/// <para>
/// An expired <c>claimed</c> lease (a worker died before sending) puts the row back to pending; an expired <c>sending</c>
/// lease makes it <c>in_doubt</c>, never pending: it may have reached SES, and only a person (<see cref="PostgresOutbox.ResolveAsync"/>)
/// sends it again. An SES answer that could not be recorded (the database went away) is held in memory and recorded
/// when the database is back, before the worker claims anything new, even if the row was declared in doubt meanwhile;
/// if the worker dies first, the row ends in doubt the same way.
/// </para>
/// <para>
/// Idle workers wait on <c>LISTEN</c> for the <c>NOTIFY</c> of a new row, with a slow poll as a fallback. When the
/// database cannot be reached they retry with a growing delay and carry on where they were. An error no retry can fix
/// (a refused login, the queue's tables missing) stops the worker with a <see cref="QueueDatabaseException"/>.
/// </para>
/// </remarks>
public sealed partial class PostgresQueueWorker
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxReconnectDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ListenTimeout = TimeSpan.FromMilliseconds(500);

    private readonly PostgresOutbox _outbox;
    private readonly IEmailTransport _transport;
    private readonly PostgresSendBudget _budget;
    private readonly PostgresWorkerOptions _options;
    private readonly ILogger _logger;
    private readonly QueueMetrics? _metrics;
    private readonly WorkerSql _sql;
    private readonly WakeSignal _wake = new();
    private readonly HeldOutcomes _held = new();
    private readonly Lock _flushGate = new();
    private Task? _flushing;
    private CancellationTokenSource? _run;
    private Exception? _fault;
    private long _lastSweep;
    private int _recordedLate;
    private int _sent;
    private int _rejected;
    private int _failed;
    private int _retried;
    private int _inDoubt;
    private int _released;

    /// <summary>Creates a worker.</summary>
    /// <param name="outbox">The queue it sends from.</param>
    /// <param name="transport">What sends: normally <c>new SesTransport(sesClient, budget)</c>, so every send is paced by the shared budget.</param>
    /// <param name="budget">The shared budget chunks are taken from before rows are claimed.</param>
    /// <param name="options">Leases, retries and concurrency.</param>
    /// <param name="logger">Where outcomes and database errors are logged (never addresses or contents).</param>
    /// <param name="metrics">The queue's instruments, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (named in the message).</exception>
    public PostgresQueueWorker(PostgresOutbox outbox, IEmailTransport transport, PostgresSendBudget budget, PostgresWorkerOptions? options = null, ILogger? logger = null, QueueMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(budget);
        options ??= new PostgresWorkerOptions();
        options.ThrowIfInvalid();
        if (transport is Queueing.PostgresQueueTransport)
        {
            throw new ArgumentException("The transport queues into PostgreSQL; a worker needs a transport that delivers (SES).", nameof(transport));
        }

        _outbox = outbox;
        _transport = transport;
        _budget = budget;
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _metrics = metrics;
        _sql = new WorkerSql(outbox.Schema);
    }

    /// <summary>The name this worker's leases carry.</summary>
    public string WorkerId => _options.WorkerId;

    /// <summary>
    /// Sends until <paramref name="cancellationToken"/> is cancelled. Then it claims nothing more, gives back the rows it
    /// claimed but had not started, lets the sends in flight finish and records them, and returns what it did.
    /// </summary>
    /// <exception cref="QueueDatabaseException">A database error no retry can fix (a refused login, the queue's tables missing): the message says what to do.</exception>
    public Task<WorkerSummary> RunAsync(CancellationToken cancellationToken = default) => RunCoreAsync(untilEmpty: false, cancellationToken);

    /// <summary>
    /// Sends until no message is pending (retries in backoff included), claimed or being sent by any worker, then
    /// returns what it did (<c>sesmailer queue work --until-empty</c>). Cancelling stops it as <see cref="RunAsync"/> does.
    /// </summary>
    /// <exception cref="QueueDatabaseException">A database error no retry can fix (a refused login, the queue's tables missing): the message says what to do.</exception>
    public Task<WorkerSummary> RunUntilEmptyAsync(CancellationToken cancellationToken = default) => RunCoreAsync(untilEmpty: true, cancellationToken);

    private async Task<WorkerSummary> RunCoreAsync(bool untilEmpty, CancellationToken cancellationToken)
    {
        // The run's own stop: the caller's, or a permanent database error in any loop, which stops the others cleanly.
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _run = run;
        try
        {
            await WithReconnectAsync(_budget.InitializeAsync, run.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (DatabaseErrors.Classify(e) == DatabaseFailure.Permanent)
        {
            throw Failed(e, Summary());
        }

        using var stopListening = CancellationTokenSource.CreateLinkedTokenSource(run.Token);
        var listener = ListenAsync(stopListening.Token);
        try
        {
            var loops = Enumerable.Range(0, _options.MaxConcurrency).Select(_ => Task.Run(() => LoopAsync(untilEmpty, run.Token), CancellationToken.None));
            await Task.WhenAll(loops).ConfigureAwait(false);
        }
        finally
        {
            await stopListening.CancelAsync().ConfigureAwait(false);
            await listener.ConfigureAwait(false);
        }

        await FlushBeforeExitAsync().ConfigureAwait(false);
        var summary = Summary();
        return Volatile.Read(ref _fault) is { } fault ? throw Failed(fault, summary) : summary;
    }

    private WorkerSummary Summary() => new(_sent, _rejected, _failed, _retried, _inDoubt, _released)
    {
        RecordedLate = _recordedLate,
        Unrecorded = [.. _held.Snapshot().Select(h => h.ToUnrecorded())],
    };

    private QueueDatabaseException Failed(Exception e, WorkerSummary summary)
    {
        var message = DatabaseErrors.Explain(e, _outbox.Schema);
        LogPermanentError(_logger, message, e);
        return new QueueDatabaseException(message, (e as PostgresException ?? e.InnerException as PostgresException)?.SqlState, summary, e);
    }

    /// <summary>A database error no retry fixes: the run stops (sends in flight finish and are recorded if they can be).</summary>
    private void Fault(Exception e)
    {
        if (Interlocked.CompareExchange(ref _fault, e, null) is null)
        {
            try
            {
                _run?.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private async Task LoopAsync(bool untilEmpty, CancellationToken stop)
    {
        var delay = _options.ReconnectDelay;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (!await StepAsync(untilEmpty, stop).ConfigureAwait(false))
                {
                    return;
                }

                delay = _options.ReconnectDelay;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (DatabaseErrors.Classify(e) == DatabaseFailure.Permanent)
            {
                Fault(e);
                return;
            }
            catch (Exception e) when (DatabaseErrors.Classify(e) == DatabaseFailure.Transient)
            {
                LogDatabaseUnavailable(_logger, e.GetType().Name, delay.TotalSeconds, e);
                try
                {
                    await Task.Delay(delay, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxReconnectDelay.Ticks));
            }
        }
    }

    /// <summary>
    /// One round: record what is held, sweep expired leases, take a chunk, claim what fits, send it. False when a run
    /// until empty is over.
    /// </summary>
    private async Task<bool> StepAsync(bool untilEmpty, CancellationToken stop)
    {
        await FlushHeldAsync().ConfigureAwait(false);
        await SweepIfDueAsync(stop).ConfigureAwait(false);
        var head = await HeadAsync(stop).ConfigureAwait(false);
        if (head is not { } next)
        {
            // A held outcome whose row went in doubt meanwhile is not "left" to the query: record it before leaving.
            if (untilEmpty && _held.Count == 0 && !await AnythingLeftAsync(stop).ConfigureAwait(false))
            {
                return false;
            }

            // Until empty, others' leases and retries in backoff come due without a NOTIFY: look again soon.
            await _wake.WaitAsync(untilEmpty ? TimeSpan.FromMilliseconds(200) : _options.PollInterval, stop).ConfigureAwait(false);
            return true;
        }

        var chunk = await _budget.TakeAsync(next.Lane, Math.Max(_budget.ChunkSize, next.Recipients), next.Recipients, wait: false, stop).ConfigureAwait(false);
        if (chunk is null)
        {
            await Task.Delay(_budget.LastWait, stop).ConfigureAwait(false);
            return true;
        }

        var claimed = new List<ClaimedMessage>();
        var started = new List<ClaimedMessage>();
        var released = false;
        try
        {
            claimed = await ClaimAsync(chunk, stop).ConfigureAwait(false);
            if (stop.IsCancellationRequested)
            {
                return true;
            }

            // The messages of one chunk go at once; the chunk is released as soon as SES has answered them all,
            // before the outcomes are written, so the budget counts as little idle time as it can.
            started = claimed;
            // No send throws for the database: an answer of the chunk is never lost for another's failed commit.
            var answers = await Task.WhenAll(claimed.Select(m => SendAsync(m, chunk))).ConfigureAwait(false);
            released = true;
            var release = ReleaseQuietlyAsync(chunk);
            await Task.WhenAll(answers.Where(a => a is not null).Select(a => FinishAsync(a!))).ConfigureAwait(false);
            await release.ConfigureAwait(false);
        }
        finally
        {
            if (started.Count < claimed.Count)
            {
                await UnclaimAsync(claimed.Select(m => m.Id).ToArray()).ConfigureAwait(false);
            }

            if (!released)
            {
                await ReleaseQuietlyAsync(chunk).ConfigureAwait(false);
            }
        }

        return true;
    }

    private async Task<(SendLane Lane, int Recipients)?> HeadAsync(CancellationToken stop)
    {
        await using var command = _outbox.DataSource.CreateCommand(_sql.Head);
        await using var reader = await command.ExecuteReaderAsync(stop).ConfigureAwait(false);
        return await reader.ReadAsync(stop).ConfigureAwait(false)
            ? (reader.GetInt16(0) == 0 ? SendLane.Interactive : SendLane.Bulk, reader.GetInt32(1))
            : null;
    }

    private async Task<bool> AnythingLeftAsync(CancellationToken stop)
    {
        await using var command = _outbox.DataSource.CreateCommand(_sql.Left);
        return (bool)(await command.ExecuteScalarAsync(stop).ConfigureAwait(false))!;
    }

    private async Task<List<ClaimedMessage>> ClaimAsync(BudgetChunk chunk, CancellationToken stop)
    {
        await using var command = _outbox.DataSource.CreateCommand(_sql.Claim);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = WorkerId });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = _options.ClaimLease });
        // An interactive chunk is the reserved share: only interactive rows. A bulk chunk takes interactive rows first.
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = PostgresOutbox.LaneValue(chunk.Lane) });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = chunk.Recipients });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = _options.BatchSize });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = chunk.Id });
        var claimed = new List<ClaimedMessage>();
        await using var reader = await command.ExecuteReaderAsync(stop).ConfigureAwait(false);
        while (await reader.ReadAsync(stop).ConfigureAwait(false))
        {
            claimed.Add(ClaimedMessage.Read(reader));
        }

        return claimed;
    }

    /// <summary>
    /// Commits one claimed message as sending, then sends it; <see langword="null"/> when its claim was lost (another
    /// worker has it now). The outcome is recorded by <see cref="FinishAsync"/>.
    /// </summary>
    private async Task<Answer?> SendAsync(ClaimedMessage message, BudgetChunk chunk)
    {
        // The commit point: from here a worker that dies leaves the row 'sending', which its lease turns into in doubt.
        try
        {
            await using var command = _outbox.DataSource.CreateCommand(_sql.Sending);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = message.Id });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = WorkerId });
            command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = _options.SendingLease });
            if (await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false) == 0)
            {
                return null; // The claim expired and another worker has the row: it is theirs now.
            }
        }
        catch (Exception e) when (DatabaseErrors.Classify(e) != DatabaseFailure.None)
        {
            // Committed or not, nobody can tell until the database is back; but it surely did not leave. Not sent, and
            // held: once reconnected the row goes back to pending, whichever state the cut left it in.
            _held.Add(HeldOutcome.NeverSent(message));
            LogDatabaseUnavailable(_logger, e.GetType().Name, 0, e);
            if (DatabaseErrors.Classify(e) == DatabaseFailure.Permanent)
            {
                Fault(e);
            }

            return null;
        }

        chunk.TryTake(message.Recipients);
        var parent = ActivityContext.TryParse(message.TraceParent, message.TraceState, out var context) ? context : default;
        var activity = MailerTelemetry.ActivitySource.StartActivity("sesmailer.queue.send", ActivityKind.Client, parent);
        activity?.SetTag("sesmailer.id", message.Id);
        activity?.SetTag("sesmailer.email", message.Email.EmailName);
        activity?.SetTag("sesmailer.recipients", message.Recipients);
        SendOutcome outcome;
        try
        {
            // The recipients were taken from the chunk above: the transport's pacing draws on them, not on a new chunk.
            using (PostgresSendBudget.UseTicket(message.Recipients))
            {
                // Not cancelled by a stop: a send that started is finished and recorded (SES's own timeouts bound it).
                var result = await _transport.SendAsync(message.Email, CancellationToken.None).ConfigureAwait(false);
                outcome = SendOutcome.Sent(0, message.Id, result.MessageId);
            }
        }
        catch (OperationCanceledException e)
        {
            // Cancelled inside the transport, after the row was committed as sending: it may have left.
            outcome = new SendOutcome(0, message.Id, SendOutcomeKind.InDoubt) { Code = "Interrupted", Message = e.Message, Exception = e };
        }
        catch (Exception e)
        {
            outcome = SendOutcome.FromException(0, message.Id, e);
        }

        return new Answer(message, outcome, activity);
    }

    /// <summary>Records what SES answered (and stops every worker if the daily quota is used up).</summary>
    private async Task FinishAsync(Answer answer)
    {
        var (message, outcome, activity) = answer;
        using (activity)
        {
            var (state, retryIn, notAttempted) = Decide(outcome, message.Attempts + 1);
            activity?.SetTag("sesmailer.outcome", state);
            if (outcome.Kind != SendOutcomeKind.Sent)
            {
                activity?.SetStatus(ActivityStatusCode.Error, outcome.Code);
            }

            if (notAttempted && outcome.Code == "DailyQuota")
            {
                await ReportQuotaQuietlyAsync(outcome.Message ?? "DailyQuota").ConfigureAwait(false);
            }

            var held = new HeldOutcome(message, state, outcome, retryIn, notAttempted);
            try
            {
                await ApplyAsync(held).ConfigureAwait(false);
            }
            catch (Exception e) when (DatabaseErrors.Classify(e) != DatabaseFailure.None)
            {
                // Kept in memory and recorded once the database is back, before anything new is claimed: SES's answer
                // must not turn into an in-doubt row just because the database was away when it came.
                _held.Add(held);
                LogOutcomeHeld(_logger, message.Id, state, e.GetType().Name, e);
                if (DatabaseErrors.Classify(e) == DatabaseFailure.Permanent)
                {
                    Fault(e);
                }

                return;
            }

            Count(state, notAttempted);
            LogOutcome(_logger, message.Id, state, outcome.Code ?? string.Empty);
        }
    }

    private async Task ReportQuotaQuietlyAsync(string reason)
    {
        try
        {
            await _budget.ReportQuotaExhaustedAsync(reason, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (DatabaseErrors.Classify(e) != DatabaseFailure.None)
        {
            // The other workers meet the exhausted quota themselves at their next send.
            LogDatabaseUnavailable(_logger, e.GetType().Name, 0, e);
        }
    }

    private (string State, TimeSpan RetryIn, bool NotAttempted) Decide(SendOutcome outcome, int attempts) => outcome.Kind switch
    {
        SendOutcomeKind.Sent => ("sent", TimeSpan.Zero, false),
        SendOutcomeKind.Rejected => ("rejected", TimeSpan.Zero, false),
        SendOutcomeKind.InDoubt => ("in_doubt", TimeSpan.Zero, false),
        SendOutcomeKind.Failed when attempts < _options.MaxAttempts => ("pending", Backoff(attempts), false),
        SendOutcomeKind.Failed => ("failed", TimeSpan.Zero, false),
        // Never offered to SES (the daily quota, an open circuit, a cancelled wait): back as it was, the attempt not counted.
        _ => ("pending", outcome.Code == "DailyQuota" ? TimeSpan.Zero : _options.RetryDelay, true),
    };

    private TimeSpan Backoff(int attempts)
    {
        var factor = Math.Pow(2, Math.Min(attempts - 1, 20));
        return TimeSpan.FromTicks((long)Math.Min(_options.RetryDelay.Ticks * factor, _options.MaxRetryDelay.Ticks));
    }

    private async Task UnclaimAsync(string[] ids)
    {
        try
        {
            await using var command = _outbox.DataSource.CreateCommand(_sql.Unclaim);
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = ids });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = WorkerId });
            var released = await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            Interlocked.Add(ref _released, released);
        }
        catch (Exception e) when (DatabaseErrors.Classify(e) != DatabaseFailure.None)
        {
            // Their claim lease returns them to pending a little later.
            LogDatabaseUnavailable(_logger, e.GetType().Name, 0, e);
        }
    }

    private async Task ReleaseQuietlyAsync(BudgetChunk chunk)
    {
        try
        {
            await _budget.ReleaseAsync(chunk, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (DatabaseErrors.Classify(e) != DatabaseFailure.None)
        {
            // The chunk's lease ends it; until then it counts in full, which errs on the slow side.
            LogDatabaseUnavailable(_logger, e.GetType().Name, 0, e);
        }
    }

    private async Task SweepIfDueAsync(CancellationToken stop)
    {
        var now = Stopwatch.GetTimestamp();
        var last = Interlocked.Read(ref _lastSweep);
        if ((last != 0 && now - last < SweepEvery.TotalSeconds * Stopwatch.Frequency) || Interlocked.CompareExchange(ref _lastSweep, now, last) != last)
        {
            return;
        }

        await using var batch = _outbox.DataSource.CreateBatch();
        foreach (var statement in _sql.Sweep)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(statement));
        }

        await batch.ExecuteNonQueryAsync(stop).ConfigureAwait(false);
        var toPending = batch.BatchCommands[0].RecordsAffected;
        var toInDoubt = batch.BatchCommands[1].RecordsAffected;
        if (toPending + toInDoubt > 0)
        {
            _metrics?.ExpiredLeases(toPending, toInDoubt);
            LogLeasesExpired(_logger, toPending, toInDoubt);
        }
    }

    private async Task ListenAsync(CancellationToken stop)
    {
        var delay = _options.ReconnectDelay;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _outbox.DataSource.OpenConnectionAsync(stop).ConfigureAwait(false);
                connection.Notification += (_, _) => _wake.Set();
                await using (var listen = new NpgsqlCommand($"LISTEN {_outbox.NotificationChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stop).ConfigureAwait(false);
                }

                // Whatever was queued while the listener was away was not announced to it.
                _wake.Set();
                delay = _options.ReconnectDelay;
                // Waits with a timeout, never a cancellation token: cancelling WaitAsync can deadlock (npgsql/npgsql#5975).
                while (!stop.IsCancellationRequested)
                {
                    await connection.WaitAsync(ListenTimeout, CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (DatabaseErrors.Classify(e) == DatabaseFailure.Permanent)
            {
                Fault(e);
                return;
            }
            catch (Exception e) when (DatabaseErrors.Classify(e) == DatabaseFailure.Transient)
            {
                try
                {
                    await Task.Delay(delay, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxReconnectDelay.Ticks));
            }
        }
    }

    private async Task WithReconnectAsync(Func<CancellationToken, Task> action, CancellationToken stop)
    {
        var delay = _options.ReconnectDelay;
        while (true)
        {
            try
            {
                await action(stop).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (DatabaseErrors.Classify(e) == DatabaseFailure.Transient && !stop.IsCancellationRequested)
            {
                LogDatabaseUnavailable(_logger, e.GetType().Name, delay.TotalSeconds, e);
                await Task.Delay(delay, stop).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxReconnectDelay.Ticks));
            }
        }
    }

    private void Count(string state, bool notAttempted)
    {
        _ = state switch
        {
            "sent" => Interlocked.Increment(ref _sent),
            "rejected" => Interlocked.Increment(ref _rejected),
            "failed" => Interlocked.Increment(ref _failed),
            "in_doubt" => Interlocked.Increment(ref _inDoubt),
            _ => notAttempted ? Interlocked.Increment(ref _released) : Interlocked.Increment(ref _retried),
        };
        _metrics?.Outcome(state);
    }

    private sealed record Answer(ClaimedMessage Message, SendOutcome Outcome, Activity? Activity);
}
