namespace SesMailer.Outbox;

/// <summary>Settings of an <see cref="OutboxSender"/>.</summary>
public sealed class OutboxSenderOptions
{
    /// <summary>
    /// How many messages are in flight at once. The transport's own pacing decides the rate; this only bounds how
    /// many sends wait for it, and so how many can be in doubt if the process dies. <value>The default value is 8.</value>
    /// </summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>The clock the outcomes are stamped with; the system clock when <see langword="null"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }
}
