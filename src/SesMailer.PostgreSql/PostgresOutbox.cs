using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using SesMailer.PostgreSql.Queueing;
using SesMailer.PostgreSql.Schema;
using SesMailer.Sending;
using SesMailer.Transport;

namespace SesMailer.PostgreSql;

/// <summary>
/// The PostgreSQL queue: messages are queued as rows (their MIME, envelope and stable id), in the caller's own
/// transaction when it gives one, and sent later by workers (<c>PostgresQueueWorker</c>) in any number of
/// processes. This class queues, migrates the schema, and reads and settles the queue; it never sends.
/// </summary>
/// <remarks>
/// A message queued in a transaction exists if and only if that transaction commits (the transactional outbox).
/// Queuing is idempotent on the stable id (<c>INSERT … ON CONFLICT (id) DO NOTHING</c>): an EF Core execution strategy
/// that retries a whole transaction stores the message once. Each insert sends a <c>NOTIFY</c>, which PostgreSQL
/// delivers at commit, so idle workers wake at once.
/// </remarks>
public sealed partial class PostgresOutbox
{
    private static readonly AsyncLocal<Enlistment?> Ambient = new();

    private readonly string _insertSql;

    /// <summary>Creates a queue over <paramref name="dataSource"/> (the application's Npgsql data source).</summary>
    /// <exception cref="ArgumentException"><see cref="PostgresQueueOptions.Schema"/> is not a plain lowercase identifier.</exception>
    public PostgresOutbox(NpgsqlDataSource dataSource, PostgresQueueOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        options ??= new PostgresQueueOptions();
        QueueSchemaName.ThrowIfInvalid(options.Schema);
        if (options.SentRetention < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"PostgresQueueOptions.SentRetention must be zero or more; it is {options.SentRetention}.");
        }

        DataSource = dataSource;
        Schema = options.Schema;
        SentRetention = options.SentRetention;
        NotificationChannel = Schema + "_queue";
        Transport = new PostgresQueueTransport(this, null);
        _insertSql = $"""
            WITH inserted AS (
                INSERT INTO {Schema}.messages (id, lane, mime, sender, recipients, recipient_count, configuration_set, tags, email_name, traceparent, tracestate)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                ON CONFLICT (id) DO NOTHING
                RETURNING lane)
            SELECT lane, pg_notify('{NotificationChannel}', lane::text) FROM inserted
            """;
    }

    /// <summary>The data source connections are taken from (workers, status, and queuing without a transaction).</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>The schema that holds the queue's tables.</summary>
    public string Schema { get; }

    /// <summary>How long sent rows are kept (<see cref="PostgresQueueOptions.SentRetention"/>).</summary>
    public TimeSpan SentRetention { get; }

    /// <summary>The <c>LISTEN</c>/<c>NOTIFY</c> channel a queued message is announced on: <c>{schema}_queue</c>, the payload its lane (0 interactive, 1 bulk).</summary>
    public string NotificationChannel { get; }

    /// <summary>
    /// A transport that queues instead of sending, for a <see cref="Mailing.Mailer"/> (so generated
    /// <c>Send{Name}Async</c> and <see cref="IMailer.SendAsync"/> queue): inside <see cref="Enlist"/> it writes in the
    /// enlisted connection and transaction, elsewhere in a connection of its own (committed at once). Nothing is paced
    /// on this path; the workers pace the sends.
    /// </summary>
    public IEmailTransport Transport { get; }

    /// <summary>
    /// The whole schema migration as one idempotent SQL script (what <see cref="MigrateAsync"/> runs), wrapped in
    /// <c>BEGIN</c>/<c>COMMIT</c>, for a DBA to read or apply with psql.
    /// </summary>
    /// <param name="schema">The schema the tables go in.</param>
    /// <exception cref="ArgumentException"><paramref name="schema"/> is not a plain lowercase identifier.</exception>
    public static string MigrationScript(string schema = PostgresQueueOptions.DefaultSchema) => QueueSchema.Script(schema, transaction: true);

    /// <summary>The schema version this library migrates to.</summary>
    public static int SchemaVersion => QueueSchema.LatestVersion;

    /// <summary>
    /// Creates or upgrades the queue's schema, in one transaction under an advisory lock: safe to run from every
    /// process at start-up, concurrently; migrations already applied are skipped.
    /// </summary>
    /// <exception cref="NpgsqlException">The database could not be reached, or refused the DDL (rights).</exception>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand(QueueSchema.Script(Schema, transaction: false), connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Queues a composed message in <paramref name="connection"/>'s transaction <paramref name="transaction"/>: it is
    /// stored if and only if that transaction commits. A message without <see cref="OutgoingEmail.Id"/> gets a new
    /// stable id (returned), but then a retried transaction would queue it twice: give one to be idempotent.
    /// </summary>
    /// <param name="email">The MIME and envelope; its <see cref="OutgoingEmail.Lane"/> decides its share of the rate.</param>
    /// <param name="connection">An open connection to the queue's database.</param>
    /// <param name="transaction">The transaction to queue in, or <see langword="null"/> to commit at once.</param>
    /// <param name="cancellationToken">Cancels the insert.</param>
    /// <exception cref="ArgumentException">The message cannot be sent as it is (no recipient, more than 50, too large, a line break in an address); the message names the field.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="connection"/> is not open.</exception>
    /// <exception cref="NpgsqlException">The insert failed (the schema is not migrated, the connection broke).</exception>
    public async Task<EnqueueResult> EnqueueAsync(OutgoingEmail email, NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(connection);
        QueuedMessageRules.ThrowIfInvalid(email);
        if (connection.FullState.HasFlag(System.Data.ConnectionState.Open) is false)
        {
            throw new InvalidOperationException("The connection to queue in must be open (the one your transaction runs on).");
        }

        var id = email.Id ?? StableId.New();
        var activity = Activity.Current;
        await using var command = new NpgsqlCommand(_insertSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = LaneValue(email.Lane) });
        command.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>> { TypedValue = email.Mime, NpgsqlDbType = NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = email.From });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. email.Destinations] });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = email.Destinations.Count });
        command.Parameters.Add(Nullable(email.ConfigurationSet));
        // The stable id travels as OutgoingEmail.Id (the transport adds its tag); a copy among the tags would be sent twice.
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. email.Tags.Where(t => t.Name != StableId.TagName).Select(t => t.Name + "=" + t.Value)] });
        command.Parameters.Add(Nullable(email.EmailName));
        // The enqueuing request's trace context, so the worker's send span is its child however much later it runs.
        command.Parameters.Add(Nullable(activity is { IdFormat: ActivityIdFormat.W3C } ? activity.Id : null));
        command.Parameters.Add(Nullable(activity is { IdFormat: ActivityIdFormat.W3C } ? activity.TraceStateString : null));
        var inserted = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
        return new EnqueueResult(id, inserted);
    }

    /// <summary>Queues a composed message in a connection of its own, committed at once (no transaction of the caller's).</summary>
    /// <exception cref="ArgumentException">The message cannot be sent as it is; the message names the field.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached, or the insert failed.</exception>
    public async Task<EnqueueResult> EnqueueAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        QueuedMessageRules.ThrowIfInvalid(email);
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await EnqueueAsync(email, connection, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A transport that queues every message in <paramref name="connection"/>'s transaction <paramref name="transaction"/>,
    /// for a <see cref="Mailing.Mailer"/> built for that unit of work: <c>new Mailer(queue.TransportFor(connection, transaction), options)</c>.
    /// </summary>
    public IEmailTransport TransportFor(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new PostgresQueueTransport(this, new Enlistment(this, connection, transaction));
    }

    /// <summary>
    /// Until the returned scope is disposed, <see cref="Transport"/> (the one <c>UsePostgresQueue()</c> gives the
    /// application's mailer) queues in <paramref name="connection"/>'s transaction <paramref name="transaction"/>, on
    /// this async flow only. So a typed send queues with the business change it belongs to:
    /// <code>
    /// await using var tx = await connection.BeginTransactionAsync();
    /// using (queue.Enlist(connection, tx)) { await mailer.SendWelcomeAsync(...); }
    /// await tx.CommitAsync();
    /// </code>
    /// </summary>
    public IDisposable Enlist(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var previous = Ambient.Value;
        Ambient.Value = new Enlistment(this, connection, transaction);
        return new EnlistmentScope(previous);
    }

    /// <summary>The enlistment of the current async flow for this queue, if any.</summary>
    internal Enlistment? CurrentEnlistment => Ambient.Value is { } e && ReferenceEquals(e.Queue, this) ? e : null;

    internal static short LaneValue(SendLane lane) => lane == SendLane.Interactive ? (short)0 : (short)1;

    private static NpgsqlParameter<string?> Nullable(string? value) => new() { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Text };

    internal sealed record Enlistment(PostgresOutbox Queue, NpgsqlConnection Connection, NpgsqlTransaction? Transaction);

    private sealed class EnlistmentScope(Enlistment? previous) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Ambient.Value = previous;
            }
        }
    }
}
