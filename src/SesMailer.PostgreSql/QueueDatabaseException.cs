using SesMailer.PostgreSql.Workers;

namespace SesMailer.PostgreSql;

/// <summary>
/// A worker stopped on a database error that retrying cannot fix: a refused login, a missing database, the queue's
/// tables missing (run <c>sesmailer queue migrate</c>), a statement the server rejects. The message names the problem
/// and its SQLSTATE; <see cref="Exception.InnerException"/> is Npgsql's exception.
/// </summary>
public sealed class QueueDatabaseException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The problem and what to do about it.</param>
    /// <param name="sqlState">The SQLSTATE PostgreSQL answered with, or <see langword="null"/> when the failure came before SQL (the connection).</param>
    /// <param name="summary">What the worker did before it stopped, including the outcomes it could not record.</param>
    /// <param name="innerException">The database's exception.</param>
    public QueueDatabaseException(string message, string? sqlState, WorkerSummary summary, Exception innerException)
        : base(message, innerException)
    {
        SqlState = sqlState;
        Summary = summary;
    }

    /// <summary>The SQLSTATE PostgreSQL answered with (for example <c>42P01</c>, <c>28P01</c>), or <see langword="null"/>.</summary>
    public string? SqlState { get; }

    /// <summary>What the worker did before it stopped; <see cref="WorkerSummary.Unrecorded"/> lists the SES answers it could not record.</summary>
    public WorkerSummary Summary { get; }
}
