namespace SesMailer.Benchmarks.Ses;

/// <summary>
/// A clock stopped at one instant, so that both SES clients sign at the same time and the pre-run check can
/// compare their signatures byte for byte. Timers still run on the system clock.
/// </summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => now;
}
