using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SesMailer.Mailing;
using SesMailer.PostgreSql.Budget;
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
/// sends it again. A send whose answer could not be recorded (the database went away) is retried until it is; if the
/// worker dies first, the row ends in doubt the same way.
/// </para>
/// <para>
/// Idle workers wait on <c>LISTEN</c> for the <c>NOTIFY</c> of a new row, with a slow poll as a fallback. When the
/// database cannot be reached they retry with a growing delay and carry on where they were.
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
    private long _lastSweep;
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
    public Task<WorkerSummary> RunAsync(CancellationToken cancellationToken = default) => RunCoreAsync(untilEmpty: false, cancellationToken);

    /// <summary>
    /// Sends until no message is pending (retries in backoff included), claimed or being sent by any worker, then
    /// returns what it did (<c>sesmailer queue work --until-empty</c>). Cancelling stops it as <see cref="RunAsync"/> does.
    /// </summary>
    public Task<WorkerSummary> RunUntilEmptyAsync(CancellationToken cancellationToken = default) => RunCoreAsync(untilEmpty: true, cancellationToken);

    private async Task<WorkerSummary> RunCoreAsync(bool untilEmpty, CancellationToken cancellationToken)
    {
        await WithReconnectAsync(_budget.InitializeAsync, cancellationToken).ConfigureAwait(false);
        using var stopListening = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var listener = ListenAsync(stopListening.Token);
        try
        {
            var loops = Enumerable.Range(0, _options.MaxConcurrency).Select(_ => Task.Run(() => LoopAsync(untilEmpty, cancellationToken), CancellationToken.None));
            await Task.WhenAll(loops).ConfigureAwait(false);
        }
        finally
        {
            await stopListening.CancelAsync().ConfigureAwait(false);
            await listener.ConfigureAwait(false);
        }

        return new WorkerSummary(_sent, _rejected, _failed, _retried, _inDoubt, _released);
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
            catch (Exception e) when (IsDatabaseError(e))
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

    /// <summary>One round: sweep expired leases, take a chunk, claim what fits, send it. False when a run until empty is over.</summary>
    private async Task<bool> StepAsync(bool untilEmpty, CancellationToken stop)
    {
        await SweepIfDueAsync(stop).ConfigureAwait(false);
        var head = await HeadAsync(stop).ConfigureAwait(false);
        if (head is not { } next)
        {
            if (untilEmpty && !await AnythingLeftAsync(stop).ConfigureAwait(false))
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
        await using (var command = _outbox.DataSource.CreateCommand(_sql.Sending))
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = message.Id });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = WorkerId });
            command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = _options.SendingLease });
            if (await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false) == 0)
            {
                return null; // The claim expired and another worker has the row: it is theirs now.
            }
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
                await WithReconnectAsync(ct => _budget.ReportQuotaExhaustedAsync(outcome.Message ?? "DailyQuota", ct), CancellationToken.None).ConfigureAwait(false);
            }

            await RecordAsync(message, outcome, state, retryIn, notAttempted).ConfigureAwait(false);
            Count(state, notAttempted);
            LogOutcome(_logger, message.Id, state, outcome.Code ?? string.Empty);
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

    private async Task RecordAsync(ClaimedMessage message, SendOutcome outcome, string state, TimeSpan retryIn, bool notAttempted)
    {
        // The answer is worth keeping through a database outage: retried until recorded, or until the sending lease
        // has long expired (the row is in doubt by then, which is safe).
        var giveUpAt = Stopwatch.GetTimestamp() + (long)((_options.SendingLease + TimeSpan.FromMinutes(1)).TotalSeconds * Stopwatch.Frequency);
        var delay = _options.ReconnectDelay;
        while (true)
        {
            try
            {
                await using var command = _outbox.DataSource.CreateCommand(_sql.Finish);
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = message.Id });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = WorkerId });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = state });
                command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = outcome.SesMessageId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = outcome.Code, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = outcome.Message, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = retryIn });
                command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = notAttempted });
                await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (IsDatabaseError(e))
            {
                if (Stopwatch.GetTimestamp() > giveUpAt)
                {
                    LogResultLost(_logger, message.Id, state, e);
                    return;
                }

                LogDatabaseUnavailable(_logger, e.GetType().Name, delay.TotalSeconds, e);
                await Task.Delay(delay, CancellationToken.None).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxReconnectDelay.Ticks));
            }
        }
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
        catch (Exception e) when (IsDatabaseError(e))
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
        catch (Exception e) when (IsDatabaseError(e))
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
            catch (Exception e) when (IsDatabaseError(e))
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
            catch (Exception e) when (IsDatabaseError(e) && !stop.IsCancellationRequested)
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

    // Broken connections, a server restarting (57P01 admin shutdown, 57P03 cannot connect now), timeouts.
    private static bool IsDatabaseError(Exception e) => e is NpgsqlException or SocketException or IOException or TimeoutException
        || (e is InvalidOperationException && e.InnerException is NpgsqlException or SocketException or IOException);

    [LoggerMessage(50, LogLevel.Warning, "The queue's database could not be reached ({ErrorType}); retrying in {DelaySeconds:0.#} s")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string errorType, double delaySeconds, Exception exception);

    [LoggerMessage(51, LogLevel.Information, "Queued message {Id}: {State} {Code}")]
    private static partial void LogOutcome(ILogger logger, string id, string state, string code);

    [LoggerMessage(52, LogLevel.Warning, "Expired leases: {ToPending} claimed message(s) back to pending, {ToInDoubt} message(s) being sent now in doubt")]
    private static partial void LogLeasesExpired(ILogger logger, int toPending, int toInDoubt);

    [LoggerMessage(53, LogLevel.Error, "The outcome of queued message {Id} ({State}) could not be recorded: the database stayed unreachable; the row will be in doubt")]
    private static partial void LogResultLost(ILogger logger, string id, string state, Exception exception);

    private sealed record Answer(ClaimedMessage Message, SendOutcome Outcome, Activity? Activity);
}
