using System.Net.Sockets;
using Npgsql;

namespace SesMailer.PostgreSql.Errors;

/// <summary>What a database error means for a worker: wait and retry, or stop and tell a person.</summary>
internal enum DatabaseFailure
{
    /// <summary>Not a database error: the caller's own exception handling applies.</summary>
    None,

    /// <summary>The server is away or busy (restarting, out of connections, a deadlock): retrying later can succeed.</summary>
    Transient,

    /// <summary>Every retry would fail the same way (a refused login, a missing database or table, a statement the server rejects).</summary>
    Permanent,
}

/// <summary>
/// Sorts database errors into transient and permanent ones. A worker retries a transient error with backoff; a
/// permanent one stops it with <see cref="Explain"/>'s message, instead of retrying a wrong password forever.
/// </summary>
internal static class DatabaseErrors
{
    public static DatabaseFailure Classify(Exception exception) => exception switch
    {
        PostgresException postgres => ClassifySqlState(postgres.SqlState),
        // Below SQL: a refused or broken connection, a timeout (IsTransient) versus a client-side refusal such as
        // "no password was provided" or a failed TLS handshake, which a retry repeats.
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException
            ? DatabaseFailure.Transient
            : npgsql.InnerException is PostgresException inner ? ClassifySqlState(inner.SqlState) : DatabaseFailure.Permanent,
        SocketException or IOException or TimeoutException => DatabaseFailure.Transient,
        // Npgsql reports some uses of a connection it broke meanwhile this way.
        InvalidOperationException { InnerException: { } inner } when inner is NpgsqlException or SocketException or IOException => Classify(inner),
        _ => DatabaseFailure.None,
    };

    /// <summary>
    /// By SQLSTATE (PostgreSQL appendix A). Permanent: 28 (login refused), 3D000 (no such database), 3F000 (no such
    /// schema), 42 (a missing table, a syntax error, a missing right), 57P04 (database dropped), and the classes that
    /// repeat the same way on every try: 0A (not supported), 22 (data), 23 (integrity), 54 (program limit).
    /// Everything else is retried: 08 (connection), 53 (insufficient resources), 57P01-57P03 (shutdown, crash,
    /// starting up), 40001/40P01 (serialization, deadlock), 55 (lock not available), 58 (system), XX (internal).
    /// </summary>
    public static DatabaseFailure ClassifySqlState(string? sqlState)
    {
        if (sqlState is not { Length: 5 })
        {
            return DatabaseFailure.Transient;
        }

        if (sqlState == "57P04")
        {
            return DatabaseFailure.Permanent;
        }

        return sqlState[..2] switch
        {
            "28" or "3D" or "3F" or "42" or "0A" or "22" or "23" or "54" => DatabaseFailure.Permanent,
            _ => DatabaseFailure.Transient,
        };
    }

    /// <summary>What the problem is and what a person does about it, naming the SQLSTATE; never the connection's password.</summary>
    public static string Explain(Exception exception, string schema)
    {
        var postgres = exception as PostgresException ?? exception.InnerException as PostgresException;
        if (postgres is null)
        {
            return $"The queue's database refused the connection ({exception.Message}): check the connection string (host, user, password or PGPASSFILE, TLS).";
        }

        var what = $"{postgres.SqlState}: {postgres.MessageText}";
        return postgres.SqlState switch
        {
            "42P01" or "3F000" => $"The queue's tables are missing ({what}): run `sesmailer queue migrate` (or PostgresOutbox.MigrateAsync) on this database for schema '{schema}' first.",
            "42501" => $"The database user lacks a right the queue needs ({what}): grant it on schema '{schema}' and its tables.",
            "3D000" => $"The database does not exist ({what}): check the connection string's Database.",
            "57P04" => $"The database was dropped ({what}).",
            _ when postgres.SqlState.StartsWith("28", StringComparison.Ordinal) => $"The database refused the login ({what}): check the connection string's user and password (or PGPASSFILE).",
            _ when postgres.SqlState.StartsWith("42", StringComparison.Ordinal) => $"The database rejected the queue's SQL ({what}): schema '{schema}' is not what this SesMailer expects; run `sesmailer queue migrate`.",
            _ => $"The database answered an error a retry cannot fix ({what}).",
        };
    }
}
