using System.Globalization;
using Npgsql;

namespace SesMailer.Cli.Queue;

/// <summary>
/// The queue's connection string: <c>--postgres</c>, else <c>SESMAILER_POSTGRES</c>, completed by the standard libpq
/// variables (<c>PGHOST</c>, <c>PGPORT</c>, <c>PGDATABASE</c>, <c>PGUSER</c>, <c>PGPASSWORD</c>, <c>PGPASSFILE</c>)
/// for whatever it leaves out, so a password never has to sit in argv. Only <see cref="Describe"/> is ever printed,
/// and it has no password.
/// </summary>
internal static class PostgresConnection
{
    public const string Variable = "SESMAILER_POSTGRES";

    /// <summary>The libpq variables and the keyword each fills when the connection string lacks it.</summary>
    private static readonly (string Variable, string Keyword)[] Libpq =
    [
        ("PGHOST", "Host"), ("PGPORT", "Port"), ("PGDATABASE", "Database"), ("PGUSER", "Username"),
        ("PGPASSWORD", "Password"), ("PGPASSFILE", "Passfile"), ("PGSSLMODE", "SSL Mode"),
    ];

    /// <exception cref="CliUsageException">No connection is given anywhere, or the string is not a valid Npgsql connection string (the message has no password).</exception>
    public static NpgsqlConnectionStringBuilder Resolve(string? option, Func<string, string?> environment)
    {
        var text = option ?? environment(Variable) ?? string.Empty;
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(text);
        }
        catch (ArgumentException)
        {
            // Npgsql's message can quote the string, which may hold a password: name the source only.
            throw new CliUsageException($"{(option is null ? Variable : "--postgres")} is not a valid PostgreSQL connection string (Host=…;Database=…;Username=…).");
        }

        // A keyword still at its default was not given (a Port=5432 written out counts as not given: PGPORT then wins).
        var defaults = new NpgsqlConnectionStringBuilder();
        foreach (var (variable, keyword) in Libpq)
        {
            if (environment(variable) is { Length: > 0 } value && Equals(builder[keyword], defaults[keyword]))
            {
                builder[keyword] = value;
            }
        }

        if (string.IsNullOrEmpty(builder.Host))
        {
            throw new CliUsageException(
                $"no PostgreSQL connection: give --postgres \"Host=…;Database=…;Username=…\", or set {Variable} (or PGHOST, PGDATABASE, PGUSER). " +
                "Keep the password out of argv: PGPASSWORD, PGPASSFILE or ~/.pgpass.");
        }

        return builder;
    }

    /// <summary>Host, port, database and user: what a message may show.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder) => string.Create(
        CultureInfo.InvariantCulture,
        $"{builder.Username ?? "(default user)"}@{builder.Host}:{builder.Port}/{builder.Database ?? "(default database)"}");

    /// <summary>Whether <paramref name="option"/> (the argv value) carries a password, which other users can read in the process list.</summary>
    public static bool HasPassword(string? option)
    {
        if (option is null)
        {
            return false;
        }

        try
        {
            return !string.IsNullOrEmpty(new NpgsqlConnectionStringBuilder(option).Password);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
