namespace SesMailer.PostgreSql.Queueing;

/// <summary>The <c>state</c> column's values for <see cref="QueueState"/>.</summary>
internal static class QueueStates
{
    public static string ToColumn(QueueState state) => state switch
    {
        QueueState.Pending => "pending",
        QueueState.Claimed => "claimed",
        QueueState.Sending => "sending",
        QueueState.Sent => "sent",
        QueueState.Rejected => "rejected",
        QueueState.Failed => "failed",
        QueueState.InDoubt => "in_doubt",
        QueueState.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not a queue state."),
    };

    public static QueueState FromColumn(string state) => state switch
    {
        "pending" => QueueState.Pending,
        "claimed" => QueueState.Claimed,
        "sending" => QueueState.Sending,
        "sent" => QueueState.Sent,
        "rejected" => QueueState.Rejected,
        "failed" => QueueState.Failed,
        "in_doubt" => QueueState.InDoubt,
        "cancelled" => QueueState.Cancelled,
        _ => throw new FormatException($"The queue holds an unknown state '{state}': a newer SesMailer migrated it."),
    };
}
