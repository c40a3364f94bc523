namespace SesMailer;

/// <summary>
/// How urgent a message is. Written as the <c>X-Priority</c>, <c>Priority</c> and <c>Importance</c> headers
/// (clients read different ones); <see cref="Normal"/> writes none.
/// </summary>
public enum EmailPriority
{
    /// <summary>No priority headers.</summary>
    Normal = 0,

    /// <summary>High priority / importance.</summary>
    High,

    /// <summary>Low priority / importance.</summary>
    Low,
}
