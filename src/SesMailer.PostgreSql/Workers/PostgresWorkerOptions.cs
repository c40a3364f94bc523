namespace SesMailer.PostgreSql.Workers;

/// <summary>How a worker claims, sends and retries (<c>SesMailer:Queue:Worker:…</c>).</summary>
public sealed class PostgresWorkerOptions
{
    /// <summary>The name the worker's leases carry (<c>lease_owner</c>). The default value is <c>{machine}:{pid}:{random}</c>.</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>At most this many sends in flight in this worker. The default value is 4.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>At most this many messages claimed at once (fewer when the budget chunk holds fewer recipients). The default value is 10.</summary>
    public int BatchSize { get; set; } = 10;

    /// <summary>How long a claimed message stays the worker's before it goes back to pending, if the worker died. The default value is 30 seconds.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a message being sent stays the worker's before it is declared in doubt, if the worker died or lost the
    /// database: longer than one SES call with all its retries. The default value is 2 minutes.
    /// </summary>
    public TimeSpan SendingLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many times a message is offered to SES before a retryable failure becomes final (<c>failed</c>). The default value is 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before the first retry of a failed send; it doubles with each attempt. The default value is 10 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between retries. The default value is 10 minutes.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often an idle worker looks for work when no notification came (a missed NOTIFY, a retry come due). The default value is 30 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first wait after the database could not be reached; it doubles up to 30 seconds. The default value is 1 second.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// After a stop, how long the worker keeps trying to record the SES answers it holds because the database was
    /// unreachable; those still unrecorded are then logged with their SES message ids (and listed in
    /// <see cref="WorkerSummary.Unrecorded"/>) for a person to settle. Keep it within the host's shutdown timeout.
    /// The default value is 15 seconds.
    /// </summary>
    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromSeconds(15);

    internal void ThrowIfInvalid()
    {
        static void Fail(string message) => throw new ArgumentOutOfRangeException(nameof(PostgresWorkerOptions), message);
        if (string.IsNullOrWhiteSpace(WorkerId) || WorkerId.Length > 200)
        {
            Fail($"PostgresWorkerOptions.WorkerId must be 1 to 200 characters; it is '{WorkerId}'.");
        }

        if (MaxConcurrency is < 1 or > 256)
        {
            Fail($"PostgresWorkerOptions.MaxConcurrency must be from 1 to 256; it is {MaxConcurrency}.");
        }

        if (BatchSize is < 1 or > 1000)
        {
            Fail($"PostgresWorkerOptions.BatchSize must be from 1 to 1000; it is {BatchSize}.");
        }

        if (MaxAttempts < 1)
        {
            Fail($"PostgresWorkerOptions.MaxAttempts must be at least 1; it is {MaxAttempts}.");
        }

        foreach (var (name, value) in new[] { ("ClaimLease", ClaimLease), ("SendingLease", SendingLease), ("PollInterval", PollInterval) })
        {
            if (value < TimeSpan.FromMilliseconds(100))
            {
                Fail($"PostgresWorkerOptions.{name} must be at least 100 ms; it is {value}.");
            }
        }

        if (StopGracePeriod < TimeSpan.Zero)
        {
            Fail($"PostgresWorkerOptions.StopGracePeriod must be zero or more; it is {StopGracePeriod}.");
        }

        if (RetryDelay < TimeSpan.Zero || MaxRetryDelay < RetryDelay || ReconnectDelay <= TimeSpan.Zero)
        {
            Fail($"PostgresWorkerOptions: RetryDelay ({RetryDelay}) must be zero or more and at most MaxRetryDelay ({MaxRetryDelay}); ReconnectDelay ({ReconnectDelay}) more than zero.");
        }
    }
}
