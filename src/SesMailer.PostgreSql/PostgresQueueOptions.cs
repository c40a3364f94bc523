namespace SesMailer.PostgreSql;

/// <summary>Where the queue lives and how long finished rows stay (<c>SesMailer:Queue:…</c>).</summary>
public sealed class PostgresQueueOptions
{
    /// <summary>The default <see cref="Schema"/>.</summary>
    public const string DefaultSchema = "sesmailer";

    /// <summary>
    /// The PostgreSQL schema that holds the queue's tables: a lowercase identifier (a letter or <c>_</c>, then letters,
    /// digits or <c>_</c>). Several queues can share a database under different schemas. The default value is
    /// <c>sesmailer</c>.
    /// </summary>
    public string Schema { get; set; } = DefaultSchema;

    /// <summary>
    /// How long a sent message's row (and its MIME, up to 10 MB) is kept before <c>PostgresOutbox.PurgeAsync</c>
    /// deletes it; rejected, failed, cancelled and in-doubt rows are kept until a person settles them. The default
    /// value is 7 days.
    /// </summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(7);
}
