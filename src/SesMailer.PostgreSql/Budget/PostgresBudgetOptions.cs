namespace SesMailer.PostgreSql.Budget;

/// <summary>The shared sending rate all workers draw on (<c>SesMailer:Queue:Budget:…</c>).</summary>
public sealed class PostgresBudgetOptions
{
    /// <summary>The budget row's name: workers of one SES account and region share one. The default value is <c>default</c>.</summary>
    public string Name { get; set; } = "default";

    /// <summary>
    /// The account's rate in recipients per second, or <see langword="null"/> to read it from SES (<c>GetSendQuota</c>,
    /// refreshed every minute). The default value is <see langword="null"/>.
    /// </summary>
    public double? MaxSendRate { get; set; }

    /// <summary>The rate written when no worker could read one from SES and none is stored yet. The default value is 1 (the sandbox).</summary>
    public double FallbackSendRate { get; set; } = 1;

    /// <summary>The share of the rate bulk messages leave to interactive ones while interactive work waits (bulk uses it otherwise), from 0 to 0.9. The default value is 0.1.</summary>
    public double InteractiveShare { get; set; } = 0.1;

    /// <summary>
    /// How many recipients a worker takes from the shared budget at a time, or <see langword="null"/> for a tenth of a
    /// second's rate (at least 1). Larger chunks mean fewer round trips and coarser sharing. The default value is <see langword="null"/>.
    /// </summary>
    public int? ChunkSize { get; set; }

    /// <summary>
    /// How long a chunk counts against the rate if its worker dies without releasing it. The default value is 30 seconds.
    /// </summary>
    public TimeSpan ChunkLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long every worker stops when SES says the daily quota is used up. The default value is 1 hour.</summary>
    public TimeSpan QuotaStopDuration { get; set; } = TimeSpan.FromHours(1);

    internal void ThrowIfInvalid()
    {
        static void Fail(string message) => throw new ArgumentOutOfRangeException(nameof(PostgresBudgetOptions), message);
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 100)
        {
            Fail($"PostgresBudgetOptions.Name must be 1 to 100 characters; it is '{Name}'.");
        }

        if (MaxSendRate is <= 0 or double.NaN)
        {
            Fail($"PostgresBudgetOptions.MaxSendRate must be more than 0 when set; it is {MaxSendRate}.");
        }

        if (FallbackSendRate is <= 0 or double.NaN)
        {
            Fail($"PostgresBudgetOptions.FallbackSendRate must be more than 0; it is {FallbackSendRate}.");
        }

        if (InteractiveShare is < 0 or > 0.9 or double.NaN)
        {
            Fail($"PostgresBudgetOptions.InteractiveShare must be from 0 to 0.9; it is {InteractiveShare}.");
        }

        if (ChunkSize is < 1)
        {
            Fail($"PostgresBudgetOptions.ChunkSize must be at least 1 when set; it is {ChunkSize}.");
        }

        if (ChunkLease < TimeSpan.FromSeconds(1))
        {
            Fail($"PostgresBudgetOptions.ChunkLease must be at least 1 second; it is {ChunkLease}.");
        }

        if (QuotaStopDuration < TimeSpan.FromSeconds(1))
        {
            Fail($"PostgresBudgetOptions.QuotaStopDuration must be at least 1 second; it is {QuotaStopDuration}.");
        }
    }
}
