namespace SesMailer.Sending;

/// <summary>
/// Which share of the sending rate a message draws on. Interactive sends (a password reset) keep a reserved share
/// (<see cref="Configuration.SendingOptions.InteractiveShare"/>) and go before waiting bulk sends, so they never
/// wait behind a bulk run.
/// </summary>
public enum SendLane
{
    /// <summary>One message someone is waiting for: <see cref="IMailer.SendAsync"/>. The default.</summary>
    Interactive,

    /// <summary>A message of a run: <c>SendBulkAsync</c>, a folder outbox or a queue.</summary>
    Bulk,
}
