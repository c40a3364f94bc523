using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SesMailer.Sending;

namespace SesMailer.PostgreSql.Budget;

/// <summary>
/// The account-wide sending rate, kept in PostgreSQL and shared by every worker and process that uses the same
/// budget row: one rate for all, not one per process. Workers take it in small chunks (a row in <c>budget_chunks</c>),
/// so the <c>budget</c> row is locked once per chunk, not once per send.
/// </summary>
/// <remarks>
/// <para>
/// A chunk counts against the rate from the moment it is granted until one second after it is released (or after its
/// lease, when its worker died): whatever second SES counts a send in, the budget counted it too. So across all
/// workers, any one second holds at most the rate in recipients. Bulk chunks fill the whole rate while no interactive
/// work waits, and only <c>rate × (1 − InteractiveShare)</c> while it does; interactive ones the whole rate.
/// </para>
/// <para>
/// As an <see cref="ISendRateBudget"/> it paces any <c>SesTransport</c>: a send made by a worker draws on the chunk
/// the worker holds for it; any other send takes a chunk of its own size, waiting until one fits.
/// </para>
/// </remarks>
public sealed partial class PostgresSendBudget : ISendRateBudget
{
    private static readonly TimeSpan QuotaRefresh = TimeSpan.FromMinutes(1);
    private static readonly AsyncLocal<BudgetChunk?> Held = new();

    private readonly NpgsqlDataSource _dataSource;
    private readonly BudgetSql _sql;
    private readonly PostgresBudgetOptions _options;
    private readonly Func<CancellationToken, Task<double>>? _quota;
    private readonly ILogger _logger;
    private readonly string _owner;
    private readonly Lock _gate = new();
    private double _currentRate;
    private long _quotaReadAt;
    private Task? _quotaRead;
    private long _throttles;

    /// <summary>Creates a budget over the queue's database.</summary>
    /// <param name="outbox">The queue whose schema holds the budget tables.</param>
    /// <param name="options">The rate, share and chunk settings.</param>
    /// <param name="quota">Reads the account's rate from SES (<c>SesTransport.QuotaOf(client)</c>) when <see cref="PostgresBudgetOptions.MaxSendRate"/> is not set.</param>
    /// <param name="logger">Where throttles and quota stops are logged.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range (named in the message).</exception>
    public PostgresSendBudget(PostgresOutbox outbox, PostgresBudgetOptions? options = null, Func<CancellationToken, Task<double>>? quota = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        options ??= new PostgresBudgetOptions();
        options.ThrowIfInvalid();
        _dataSource = outbox.DataSource;
        _sql = new BudgetSql(outbox.Schema);
        _options = options;
        _quota = options.MaxSendRate is null ? quota : null;
        _logger = logger ?? NullLogger.Instance;
        _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
        _currentRate = options.MaxSendRate ?? options.FallbackSendRate;
    }

    /// <summary>The budget row's name.</summary>
    public string Name => _options.Name;

    /// <inheritdoc />
    /// <remarks>The rate the last chunk request saw in the database (lowered for a while after a throttle).</remarks>
    public double CurrentRate
    {
        get
        {
            lock (_gate)
            {
                return _currentRate;
            }
        }
    }

    /// <summary>How many throttles this process reported.</summary>
    public long Throttles => Interlocked.Read(ref _throttles);

    /// <summary>The recipients a chunk holds by default: <see cref="PostgresBudgetOptions.ChunkSize"/>, or a tenth of a second's rate.</summary>
    internal int ChunkSize => _options.ChunkSize ?? Math.Max(1, (int)Math.Ceiling(CurrentRate / 10));

    /// <summary>
    /// Writes the account's rate into the budget row (creating it): the configured <see cref="PostgresBudgetOptions.MaxSendRate"/>,
    /// else what SES's GetSendQuota says, else the fallback (which never overwrites a rate already stored).
    /// Workers call it when they start and every minute.
    /// </summary>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        double? known = _options.MaxSendRate;
        if (known is null && _quota is not null)
        {
            try
            {
                var read = await _quota(cancellationToken).ConfigureAwait(false);
                known = read > 0 ? read : null;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogQuotaFallback(_logger, _options.FallbackSendRate, e.GetType().Name);
            }
        }

        await using var command = _dataSource.CreateCommand(_sql.Upsert);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _options.Name });
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = known ?? _options.FallbackSendRate });
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = _options.InteractiveShare });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = known is not null });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _quotaReadAt, Environment.TickCount64);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="recipients"/> is less than 1.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<IDisposable> AcquireAsync(int recipients, SendLane lane, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(recipients, 1);
        // A worker's send: the worker took the recipients before it claimed the message.
        if (Held.Value is { } held && held.TryTake(recipients))
        {
            return NoRelease.Instance;
        }

        var chunk = await TakeAsync(lane, recipients, recipients, wait: true, cancellationToken).ConfigureAwait(false);
        chunk!.TryTake(recipients);
        return new Release(this, chunk);
    }

    /// <inheritdoc />
    public void ReportThrottled()
    {
        Interlocked.Increment(ref _throttles);
        LogThrottled(_logger, CurrentRate);
        _ = RunQuietlyAsync(_sql.Throttled, static (c, name, _) => c.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name }), null);
    }

    /// <summary>
    /// SES said the daily quota is used up: every worker of this budget stops for
    /// <see cref="PostgresBudgetOptions.QuotaStopDuration"/> (or until <see cref="ResumeAsync"/>).
    /// </summary>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async Task ReportQuotaExhaustedAsync(string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reason);
        LogQuotaStop(_logger, _options.QuotaStopDuration);
        await using var command = _dataSource.CreateCommand(_sql.Stop);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _options.Name });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = _options.QuotaStopDuration });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reason });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lets every worker of this budget send again after a quota stop (once the quota was raised, or a new day began).</summary>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async Task ResumeAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(_sql.Resume);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _options.Name });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The budget as the database holds it now, or <see langword="null"/> when no worker created it yet.</summary>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async Task<BudgetState?> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(_sql.Read);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _options.Name });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new BudgetState(
            reader.GetString(0),
            reader.GetDouble(1),
            reader.GetDouble(2),
            reader.GetInt32(3),
            reader.GetInt64(4),
            reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
            reader.IsDBNull(6) ? null : reader.GetString(6));
    }

    /// <summary>
    /// Until disposed, the next send on this async flow draws on <paramref name="recipients"/> the worker already took
    /// from its chunk, instead of taking a chunk of its own.
    /// </summary>
    internal static IDisposable UseTicket(int recipients)
    {
        var previous = Held.Value;
        Held.Value = new BudgetChunk(-1, recipients, SendLane.Bulk);
        return new Restore(previous);
    }

    /// <summary>
    /// Takes a chunk of up to <paramref name="wanted"/> recipients (at least <paramref name="minimum"/>) in
    /// <paramref name="lane"/>; waits while none fits when <paramref name="wait"/>, else returns <see langword="null"/>
    /// with how long to wait in <see cref="LastWait"/>.
    /// </summary>
    internal async Task<BudgetChunk?> TakeAsync(SendLane lane, int wanted, int minimum, bool wait, CancellationToken cancellationToken)
    {
        RefreshQuotaIfDue();
        while (true)
        {
            var (chunk, delay) = await TryTakeAsync(lane, wanted, minimum, cancellationToken).ConfigureAwait(false);
            if (chunk is not null || !wait)
            {
                LastWait = delay;
                return chunk;
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>How long the last refused <see cref="TakeAsync"/> said to wait before asking again.</summary>
    internal TimeSpan LastWait { get; private set; }

    /// <summary>Releases <paramref name="chunk"/>: what it did not use is free at once, what it used a second later.</summary>
    internal async Task ReleaseAsync(BudgetChunk chunk, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(_sql.Release);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = chunk.Id });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = chunk.Used });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<(BudgetChunk? Chunk, TimeSpan Wait)> TryTakeAsync(SendLane lane, int wanted, int minimum, CancellationToken cancellationToken)
    {
        var statements = _sql.Take;
        await using var batch = _dataSource.CreateBatch();
        var laneValue = PostgresOutbox.LaneValue(lane);
        for (var i = 0; i < statements.Length; i++)
        {
            var command = new NpgsqlBatchCommand(statements[i]);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _options.Name });
            if (i == 1)
            {
                command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = laneValue });
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = wanted });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _owner });
                command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = _options.ChunkLease });
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = minimum });
            }

            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"The budget '{_options.Name}' does not exist: call InitializeAsync first (workers do when they start).");
        }

        var rate = reader.GetDouble(2);
        lock (_gate)
        {
            _currentRate = rate;
        }

        if (!reader.IsDBNull(0))
        {
            return (new BudgetChunk(reader.GetInt64(0), reader.GetInt32(1), lane), TimeSpan.Zero);
        }

        if (!reader.IsDBNull(4))
        {
            // Stopped for the daily quota: look again now and then, so a resume is seen without waiting the whole stop.
            var until = reader.GetFieldValue<DateTimeOffset>(4);
            return (null, TimeSpan.FromSeconds(Math.Clamp((until - DateTimeOffset.UtcNow).TotalSeconds, 0.05, 5)));
        }

        // The next capacity frees when a released chunk's second ends; chunks in flight free when their answers come.
        var freesIn = reader.IsDBNull(6) ? 0.02 : Convert.ToDouble(reader.GetValue(6), System.Globalization.CultureInfo.InvariantCulture);
        return (null, TimeSpan.FromSeconds(Math.Clamp(freesIn, 0.01, 0.25)));
    }

    private void RefreshQuotaIfDue()
    {
        var readAt = Interlocked.Read(ref _quotaReadAt);
        if (_quota is null || (readAt != 0 && Environment.TickCount64 - readAt < QuotaRefresh.TotalMilliseconds))
        {
            return;
        }

        lock (_gate)
        {
            if (_quotaRead is { IsCompleted: false })
            {
                return;
            }

            Interlocked.Exchange(ref _quotaReadAt, Environment.TickCount64);
            // Sends do not wait for the answer; the rate it writes applies to the next chunks.
            _quotaRead = RefreshQuietlyAsync();
        }
    }

    private async Task RefreshQuietlyAsync()
    {
        try
        {
            await InitializeAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            LogDatabaseError(_logger, e.GetType().Name, e);
        }
    }

    private async Task RunQuietlyAsync(string sql, Action<NpgsqlCommand, string, object?> bind, object? state)
    {
        try
        {
            await using var command = _dataSource.CreateCommand(sql);
            bind(command, _options.Name, state);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // A throttle that could not be recorded is retried by SES's next throttle; the send path must not fail for it.
            LogDatabaseError(_logger, e.GetType().Name, e);
        }
    }

    [LoggerMessage(40, LogLevel.Warning, "SES throttled a send at {Rate:0.#} recipients/s: the shared budget is halved for a while")]
    private static partial void LogThrottled(ILogger logger, double rate);

    [LoggerMessage(41, LogLevel.Warning, "GetSendQuota gave no sending rate ({ErrorType}): the shared budget keeps its stored rate, or {Rate:0.#} recipients/s; set MaxSendRate to choose it")]
    private static partial void LogQuotaFallback(ILogger logger, double rate, string errorType);

    [LoggerMessage(42, LogLevel.Error, "SES says the daily sending quota is used up: every worker stops for {Duration}")]
    private static partial void LogQuotaStop(ILogger logger, TimeSpan duration);

    [LoggerMessage(43, LogLevel.Warning, "The shared budget could not be updated ({ErrorType})")]
    private static partial void LogDatabaseError(ILogger logger, string errorType, Exception exception);

    private sealed class NoRelease : IDisposable
    {
        public static readonly NoRelease Instance = new();

        public void Dispose()
        {
        }
    }

    private sealed class Restore(BudgetChunk? previous) : IDisposable
    {
        public void Dispose() => Held.Value = previous;
    }

    private sealed class Release(PostgresSendBudget budget, BudgetChunk chunk) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                // Dispose cannot wait: the release runs on; if it fails, the chunk's lease ends it.
                _ = budget.ReleaseQuietlyAsync(chunk);
            }
        }
    }

    private async Task ReleaseQuietlyAsync(BudgetChunk chunk)
    {
        try
        {
            await ReleaseAsync(chunk, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            LogDatabaseError(_logger, e.GetType().Name, e);
        }
    }
}
