using System.Diagnostics;
using Npgsql;
using SesMailer.PostgreSql.Errors;

namespace SesMailer.PostgreSql.Workers;

// SES answers the worker could not record while the database was away: kept in memory, recorded once it is back
// (guarded by claim and attempt, so a person's decision is never overwritten), reported if the worker stops first.
public sealed partial class PostgresQueueWorker
{
    /// <summary>
    /// Records the held outcomes before the worker claims anything new. Throws the database's error while it is away
    /// (the loop waits and comes back); one loop records, the others wait for it.
    /// </summary>
    private async Task FlushHeldAsync()
    {
        while (_held.Count > 0)
        {
            Task flushing;
            lock (_flushGate)
            {
                if (_flushing is null || _flushing.IsCompleted)
                {
                    _flushing = RecordHeldAsync();
                }

                flushing = _flushing;
            }

            await flushing.ConfigureAwait(false);
        }
    }

    private async Task RecordHeldAsync()
    {
        foreach (var held in _held.Snapshot())
        {
            var from = await ApplyAsync(held).ConfigureAwait(false);
            _held.Remove(held);
            Interlocked.Increment(ref _recordedLate);
            _metrics?.LateOutcome(held.State, from ?? "changed");
            if (held.Unsent)
            {
                Interlocked.Increment(ref _released);
                LogUnsentReleased(_logger, held.Message.Id, from ?? "changed");
            }
            else
            {
                Count(held.State, held.NotAttempted);
                LogRecordedLate(_logger, held.Message.Id, held.State, from ?? "changed");
            }
        }
    }

    /// <summary>
    /// The run is over (stopped, emptied or failed): keeps trying to record the held outcomes for the stop's grace
    /// period, then logs those still unrecorded with their SES message ids, for a person to settle.
    /// </summary>
    private async Task FlushBeforeExitAsync()
    {
        var until = Stopwatch.GetTimestamp() + (long)(_options.StopGracePeriod.TotalSeconds * Stopwatch.Frequency);
        var delay = _options.ReconnectDelay;
        while (_held.Count > 0)
        {
            try
            {
                await FlushHeldAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (DatabaseErrors.Classify(e) == DatabaseFailure.Transient)
            {
                var left = TimeSpan.FromSeconds((until - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);
                if (left <= TimeSpan.Zero)
                {
                    break;
                }

                LogDatabaseUnavailable(_logger, e.GetType().Name, Math.Min(delay.TotalSeconds, left.TotalSeconds), e);
                await Task.Delay(delay < left ? delay : left).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxReconnectDelay.Ticks));
            }
            catch (Exception e) when (DatabaseErrors.Classify(e) == DatabaseFailure.Permanent)
            {
                Fault(e);
                break;
            }
        }

        foreach (var held in _held.Snapshot())
        {
            if (held.Unsent)
            {
                LogUnsentLeft(_logger, held.Message.Id);
            }
            else
            {
                LogUnrecorded(_logger, held.Message.Id, held.Message.Attempt, held.State, held.Outcome?.SesMessageId ?? "-", held.Outcome?.Code ?? "-");
            }
        }
    }

    /// <summary>
    /// Writes one outcome, guarded by its claim and attempt, in one round trip. Returns the state the row was in
    /// (<c>sending</c>, <c>in_doubt</c>; <c>unsent</c> for a cut sending commit put back), or <see langword="null"/> when it had changed meanwhile
    /// (a person resolved it, or it was claimed again): nothing is overwritten then.
    /// </summary>
    private async Task<string?> ApplyAsync(HeldOutcome held)
    {
        var message = held.Message;
        if (held.Unsent)
        {
            await using var unsent = _outbox.DataSource.CreateCommand(_sql.Unsent + " RETURNING 'unsent'");
            unsent.Parameters.Add(new NpgsqlParameter<string> { TypedValue = message.Id });
            unsent.Parameters.Add(new NpgsqlParameter<string> { TypedValue = WorkerId });
            unsent.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = message.ClaimedAt });
            unsent.Parameters.Add(new NpgsqlParameter<int> { TypedValue = message.Attempt });
            return await unsent.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false) is null ? null : "unsent";
        }

        var outcome = held.Outcome!;
        await using var batch = _outbox.DataSource.CreateBatch();
        foreach (var statement in _sql.Finish)
        {
            var command = new NpgsqlBatchCommand(statement);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = message.Id });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = WorkerId });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = held.State });
            command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = outcome.SesMessageId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = outcome.Code, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = outcome.Message, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = held.RetryIn });
            command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = held.NotAttempted });
            command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = message.ClaimedAt });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = message.Attempt });
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        return batch.BatchCommands[0].RecordsAffected > 0 ? "sending"
            : batch.BatchCommands[1].RecordsAffected > 0 ? "in_doubt"
            : null;
    }
}
