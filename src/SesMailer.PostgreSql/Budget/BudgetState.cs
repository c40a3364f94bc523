namespace SesMailer.PostgreSql.Budget;

/// <summary>The shared budget as the database holds it now.</summary>
/// <param name="Name">The budget row's name.</param>
/// <param name="MaxSendRate">The account's rate in recipients per second, as the workers last wrote it.</param>
/// <param name="CurrentRate">The rate sends are paced to now: lower than <paramref name="MaxSendRate"/> for a while after a throttle.</param>
/// <param name="InUse">Recipients counted against the current second (chunks held, or released less than a second ago).</param>
/// <param name="Throttles">How many throttles workers reported.</param>
/// <param name="StoppedUntil">Until when every worker stands still (the daily quota), or <see langword="null"/>.</param>
/// <param name="StopReason">Why they stand still, or <see langword="null"/>.</param>
public sealed record BudgetState(string Name, double MaxSendRate, double CurrentRate, int InUse, long Throttles, DateTimeOffset? StoppedUntil, string? StopReason);
