using SesMailer.Sending;

namespace SesMailer.PostgreSql.Workers;

/// <summary>
/// An outcome a worker knows but has not yet recorded: what SES answered (or that the message never left, when its
/// <c>sending</c> commit was cut off). Kept in memory through a database outage and recorded when it comes back.
/// </summary>
/// <param name="Message">The claim it belongs to (id, attempt, <c>claimed_at</c>).</param>
/// <param name="State">The state to record.</param>
/// <param name="Outcome">SES's answer; <see langword="null"/> for a message never offered to SES (<see cref="Unsent"/>).</param>
/// <param name="RetryIn">The backoff, when the state is pending.</param>
/// <param name="NotAttempted">The attempt does not count (SES was never asked).</param>
internal sealed record HeldOutcome(ClaimedMessage Message, string State, SendOutcome? Outcome, TimeSpan RetryIn, bool NotAttempted)
{
    /// <summary>The <c>sending</c> commit failed with the connection, so the message was not sent: it goes back to pending.</summary>
    public bool Unsent => Outcome is null;

    public static HeldOutcome NeverSent(ClaimedMessage message) => new(message, "pending", null, TimeSpan.Zero, NotAttempted: true);

    public UnrecordedOutcome ToUnrecorded() => new(Message.Id, Message.Attempt, State, Outcome?.SesMessageId, Outcome?.Code);
}

/// <summary>The outcomes a worker holds; shared by its loops.</summary>
internal sealed class HeldOutcomes
{
    private readonly Lock _gate = new();
    private readonly List<HeldOutcome> _held = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _held.Count;
            }
        }
    }

    public void Add(HeldOutcome outcome)
    {
        lock (_gate)
        {
            _held.Add(outcome);
        }
    }

    public void Remove(HeldOutcome outcome)
    {
        lock (_gate)
        {
            _held.RemoveAll(h => ReferenceEquals(h, outcome));
        }
    }

    public HeldOutcome[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _held];
        }
    }
}
