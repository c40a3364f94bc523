namespace SesMailer.Mailing;

/// <summary>
/// A send split per recipient (<see cref="EmailOptions.OneMessagePerRecipient"/>) failed part-way: the messages in
/// <see cref="SentMessageIds"/> went out, the one to <see cref="FailedRecipient"/> and those after it did not.
/// </summary>
public sealed class PartiallySentException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PartiallySentException(IReadOnlyList<string> sentMessageIds, string failedRecipient, Exception innerException)
        : base($"Sent {sentMessageIds.Count} message(s), then the one to recipient '{failedRecipient}' failed: {innerException.Message} Later recipients were not sent to.", innerException)
    {
        SentMessageIds = sentMessageIds;
        FailedRecipient = failedRecipient;
    }

    /// <summary>The ids of the messages that were sent.</summary>
    public IReadOnlyList<string> SentMessageIds { get; }

    /// <summary>The stable ids of every copy, in the order they were sent (the sent ones first).</summary>
    internal IReadOnlyList<string> CopyIds { get; init; } = [];

    /// <summary>The recipient whose message failed.</summary>
    public string FailedRecipient { get; }
}
