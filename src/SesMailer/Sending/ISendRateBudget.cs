
namespace SesMailer.Sending;

/// <summary>
/// The sending rate every SES send draws on, counted in recipients per second as SES counts <c>MaxSendRate</c>.
/// The default is <see cref="SendRateLimiter"/>, one per process; an implementation shared by several processes
/// (a database) can replace it in the container.
/// </summary>
public interface ISendRateBudget
{
    /// <summary>
    /// Waits until <paramref name="recipients"/> recipients may be sent in <paramref name="lane"/>, and holds them
    /// until the returned lease is disposed (when the send was answered). A message with more recipients than
    /// a second allows waits for a whole free second.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while waiting; nothing is held.</exception>
    ValueTask<IDisposable> AcquireAsync(int recipients, SendLane lane, CancellationToken cancellationToken = default);

    /// <summary>SES answered <c>Throttling</c> ("Maximum sending rate exceeded."): the rate is lowered for a while.</summary>
    void ReportThrottled();

    /// <summary>The rate in recipients per second that sends are paced to now.</summary>
    double CurrentRate { get; }
}
