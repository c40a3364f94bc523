namespace SesMailer.Ses.Model;

/// <summary>The answer of GetSendQuota.</summary>
public sealed record GetSendQuotaResponse : SesResponse
{
    /// <summary>Recipients allowed in 24 hours; <c>-1</c> means unlimited (see <see cref="IsUnlimited"/>).</summary>
    public required double Max24HourSend { get; init; }

    /// <summary>Recipients allowed per second.</summary>
    public required double MaxSendRate { get; init; }

    /// <summary>Recipients sent in the last 24 hours.</summary>
    public required double SentLast24Hours { get; init; }

    /// <summary>Whether the 24-hour quota is unlimited (<see cref="Max24HourSend"/> is -1).</summary>
    public bool IsUnlimited => Max24HourSend < 0;
}

/// <summary>One 15-minute interval of sending activity.</summary>
/// <param name="Timestamp">The start of the interval.</param>
/// <param name="DeliveryAttempts">Messages SES tried to deliver.</param>
/// <param name="Bounces">Messages that bounced.</param>
/// <param name="Complaints">Messages recipients marked as spam.</param>
/// <param name="Rejects">Messages SES rejected.</param>
public sealed record SendDataPoint(DateTimeOffset Timestamp, long DeliveryAttempts, long Bounces, long Complaints, long Rejects);

/// <summary>The answer of GetSendStatistics: the last two weeks, in 15-minute points.</summary>
public sealed record GetSendStatisticsResponse : SesResponse
{
    /// <summary>The points, oldest first.</summary>
    public required IReadOnlyList<SendDataPoint> SendDataPoints { get; init; }

    /// <summary>All delivery attempts over the period.</summary>
    public long DeliveryAttempts => SendDataPoints.Sum(p => p.DeliveryAttempts);

    /// <summary>Bounces divided by delivery attempts (0 when nothing was sent).</summary>
    public double BounceRate => DeliveryAttempts == 0 ? 0 : (double)SendDataPoints.Sum(p => p.Bounces) / DeliveryAttempts;

    /// <summary>Complaints divided by delivery attempts (0 when nothing was sent).</summary>
    public double ComplaintRate => DeliveryAttempts == 0 ? 0 : (double)SendDataPoints.Sum(p => p.Complaints) / DeliveryAttempts;
}
