using Npgsql;
using NpgsqlTypes;
using SesMailer.PostgreSql.Queueing;

namespace SesMailer.PostgreSql;

// Reading and settling the queue: status, listings, in-doubt resolution and the purge of sent rows.
public sealed partial class PostgresOutbox
{
    private const string InfoColumns = "id, state, email_name, recipient_count, attempts, enqueued_at, sending_at, finished_at, ses_message_id, last_error_code, last_error, lease_owner";

    /// <summary>Counts by state, the oldest pending message's age, leases expired and unswept, and any quota stop.</summary>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async Task<QueueStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        await using var batch = DataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT state, count(*) FROM {Schema}.messages GROUP BY state"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT extract(epoch FROM clock_timestamp() - min(enqueued_at))::float8 FROM {Schema}.messages WHERE state = 'pending'"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT count(*) FROM {Schema}.messages WHERE state IN ('claimed', 'sending') AND lease_expires_at < clock_timestamp()"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT stopped_until, stop_reason FROM {Schema}.budget WHERE stopped_until > clock_timestamp() ORDER BY stopped_until DESC LIMIT 1"));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var counts = Enum.GetValues<QueueState>().ToDictionary(s => s, _ => 0L);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[QueueStates.FromColumn(reader.GetString(0))] = reader.GetInt64(1);
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        TimeSpan? oldest = reader.IsDBNull(0) ? null : TimeSpan.FromSeconds(Math.Max(0, reader.GetDouble(0)));
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var expired = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        DateTimeOffset? stoppedUntil = null;
        string? reason = null;
        if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            stoppedUntil = reader.GetFieldValue<DateTimeOffset>(0);
            reason = reader.IsDBNull(1) ? null : reader.GetString(1);
        }

        return new QueueStatus(counts, oldest, expired, stoppedUntil, reason);
    }

    /// <summary>The messages in <paramref name="state"/>, oldest first, at most <paramref name="limit"/> of them.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async Task<IReadOnlyList<QueuedMessageInfo>> ListAsync(QueueState state, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var command = DataSource.CreateCommand($"SELECT {InfoColumns} FROM {Schema}.messages WHERE state = $1 ORDER BY enqueued_at, id LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = QueueStates.ToColumn(state) });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        return await ReadInfosAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The message with stable id <paramref name="id"/>, or <see langword="null"/>.</summary>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async Task<QueuedMessageInfo?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var command = DataSource.CreateCommand($"SELECT {InfoColumns} FROM {Schema}.messages WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        return (await ReadInfosAsync(command, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
    }

    /// <summary>
    /// Settles an in-doubt message once a person has checked (the SES event notifications carry its id as the tag
    /// <c>sesmailer-id</c>): <see cref="InDoubtResolution.Sent"/>, <see cref="InDoubtResolution.Resend"/> (back to
    /// pending, sent again by a worker) or <see cref="InDoubtResolution.Cancel"/>.
    /// </summary>
    /// <returns><see langword="false"/> when no message with that id is in doubt (none, or already settled): nothing changed.</returns>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async Task<bool> ResolveAsync(string id, InDoubtResolution resolution, string? sesMessageId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var (state, code) = resolution switch
        {
            InDoubtResolution.Sent => ("sent", "ResolvedSent"),
            InDoubtResolution.Resend => ("pending", "ResolvedResend"),
            InDoubtResolution.Cancel => ("cancelled", "ResolvedCancel"),
            _ => throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "Sent, Resend or Cancel."),
        };
        await using var command = DataSource.CreateCommand($"""
            WITH settled AS (
                UPDATE {Schema}.messages SET state = $2, last_error_code = $3, ses_message_id = coalesce($4, ses_message_id),
                    finished_at = CASE WHEN $2 = 'pending' THEN NULL ELSE clock_timestamp() END,
                    available_at = clock_timestamp(), lease_owner = NULL, lease_expires_at = NULL
                WHERE id = $1 AND state = 'in_doubt'
                RETURNING lane)
            SELECT lane, CASE WHEN $2 = 'pending' THEN pg_notify('{NotificationChannel}', lane::text) END FROM settled
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = state });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = code });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = sesMessageId, NpgsqlDbType = NpgsqlDbType.Text });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <summary>Deletes the sent messages finished more than <see cref="SentRetention"/> ago (their MIME can be 10 MB each); returns how many.</summary>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async Task<long> PurgeAsync(CancellationToken cancellationToken = default)
    {
        await using var command = DataSource.CreateCommand($"DELETE FROM {Schema}.messages WHERE state = 'sent' AND finished_at < clock_timestamp() - $1");
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = SentRetention });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<QueuedMessageInfo>> ReadInfosAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var infos = new List<QueuedMessageInfo>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            infos.Add(new QueuedMessageInfo(
                reader.GetString(0),
                QueueStates.FromColumn(reader.GetString(1)),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt32(3),
                reader.GetInt32(4),
                reader.GetFieldValue<DateTimeOffset>(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.IsDBNull(11) ? null : reader.GetString(11)));
        }

        return infos;
    }
}
