namespace SesMailer.PostgreSql.Workers;

/// <summary>Wakes every idle loop of a worker at once (a NOTIFY came, or the listener reconnected).</summary>
internal sealed class WakeSignal
{
    private TaskCompletionSource _next = New();

    public void Set() => Interlocked.Exchange(ref _next, New()).TrySetResult();

    /// <summary>Waits for the next <see cref="Set"/> or <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await Volatile.Read(ref _next).Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The fallback poll.
        }
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
