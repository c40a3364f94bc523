using SesMailer.Configuration;

namespace SesMailer.Sending;

/// <summary>The rules of <see cref="SendingOptions"/>, shared by the start-up check and <see cref="SendRateLimiter"/>.</summary>
internal static class SendingOptionsRules
{
    /// <summary>Every problem as <c>Sending:Name: why</c>.</summary>
    public static IEnumerable<string> Problems(SendingOptions options)
    {
        if (options.MaxSendRate is { } rate && !(rate > 0 && rate <= 1_000_000))
        {
            yield return $"Sending:MaxSendRate: '{rate}' must be a number of recipients per second above 0 (or unset, to read it from GetSendQuota).";
        }

        if (!(options.FallbackSendRate > 0 && options.FallbackSendRate <= 1_000_000))
        {
            yield return $"Sending:FallbackSendRate: '{options.FallbackSendRate}' must be a number of recipients per second above 0.";
        }

        if (options.MaxConcurrency is < 1 or > 1024)
        {
            yield return $"Sending:MaxConcurrency: '{options.MaxConcurrency}' must be from 1 to 1024.";
        }

        if (!(options.InteractiveShare >= 0 && options.InteractiveShare <= 0.9))
        {
            yield return $"Sending:InteractiveShare: '{options.InteractiveShare}' must be from 0 to 0.9 (the share of the rate kept for interactive sends).";
        }

        if (options.QuotaTimeout <= TimeSpan.Zero)
        {
            yield return $"Sending:QuotaTimeout: '{options.QuotaTimeout}' must be positive.";
        }
    }
}
