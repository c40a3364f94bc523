namespace SesMailer.Configuration;

/// <summary>
/// How fast SES sends go (<c>SesMailer:Sending:…</c>): every SES send waits for one process-wide limiter counted in
/// recipients per second, the way SES counts <c>MaxSendRate</c>.
/// </summary>
public sealed class SendingOptions
{
    /// <summary>
    /// The sending rate in recipients per second, or <see langword="null"/> to read it from SES (<c>GetSendQuota</c>,
    /// refreshed at most once a minute and after a throttle). The default value is <see langword="null"/>.
    /// </summary>
    public double? MaxSendRate { get; set; }

    /// <summary>
    /// The rate used until GetSendQuota answers, and when it cannot (a role without <c>ses:GetSendQuota</c>, an
    /// emulator that does not know the call). The default value is 1, the sandbox rate.
    /// </summary>
    public double FallbackSendRate { get; set; } = 1;

    /// <summary>At most this many SES sends in flight at once (bulk runs included). The default value is 8.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>
    /// The share of the rate that bulk sends leave free for interactive ones (a password reset), from 0 to 0.9.
    /// The default value is 0.1.
    /// </summary>
    public double InteractiveShare { get; set; } = 0.1;

    /// <summary>How long GetSendQuota may take before the fallback rate is used. The default value is 10 seconds.</summary>
    public TimeSpan QuotaTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
