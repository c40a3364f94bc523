using System.Net.Sockets;
using Npgsql;
using SesMailer.PostgreSql.Errors;
using Xunit;

namespace SesMailer.PostgreSql.Tests.Errors;

public sealed class DatabaseErrorsTests
{
    [Theory]
    [InlineData("08006")] // connection failure
    [InlineData("08001")] // cannot establish a connection
    [InlineData("57P01")] // admin shutdown (pg_ctl stop, pg_terminate_backend)
    [InlineData("57P02")] // crash shutdown
    [InlineData("57P03")] // cannot connect now (starting up, shutting down)
    [InlineData("53300")] // too many connections
    [InlineData("53100")] // disk full
    [InlineData("40001")] // serialization failure
    [InlineData("40P01")] // deadlock
    [InlineData("55P03")] // lock not available
    [InlineData("XX000")] // internal error
    public void A_server_that_is_away_or_busy_is_transient(string sqlState) =>
        Assert.Equal(DatabaseFailure.Transient, DatabaseErrors.Classify(Postgres(sqlState)));

    [Theory]
    [InlineData("28P01")] // wrong password
    [InlineData("28000")] // no such role, pg_hba refusal
    [InlineData("3D000")] // no such database
    [InlineData("3F000")] // no such schema
    [InlineData("42P01")] // undefined table: not migrated
    [InlineData("42601")] // syntax error
    [InlineData("42501")] // insufficient privilege
    [InlineData("42703")] // undefined column: an older schema
    [InlineData("57P04")] // database dropped
    [InlineData("22P02")] // invalid text representation
    [InlineData("23505")] // unique violation
    public void An_error_every_retry_repeats_is_permanent(string sqlState) =>
        Assert.Equal(DatabaseFailure.Permanent, DatabaseErrors.Classify(Postgres(sqlState)));

    [Fact]
    public void Failures_below_sql_are_transient_when_the_connection_broke_and_permanent_when_the_client_refused()
    {
        Assert.Equal(DatabaseFailure.Transient, DatabaseErrors.Classify(new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.Equal(DatabaseFailure.Transient, DatabaseErrors.Classify(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())));
        Assert.Equal(DatabaseFailure.Transient, DatabaseErrors.Classify(new NpgsqlException("Timeout", new TimeoutException())));
        Assert.Equal(DatabaseFailure.Transient, DatabaseErrors.Classify(new IOException("broken pipe")));
        Assert.Equal(DatabaseFailure.Transient, DatabaseErrors.Classify(new InvalidOperationException("broken", new NpgsqlException("reading", new IOException()))));
        Assert.Equal(DatabaseFailure.Permanent, DatabaseErrors.Classify(new NpgsqlException("No password has been provided but the backend requires one (in SASL)")));
        Assert.Equal(DatabaseFailure.Permanent, DatabaseErrors.Classify(new InvalidOperationException("wrapped", Postgres("28P01"))));
    }

    [Fact]
    public void Other_exceptions_are_not_database_errors()
    {
        Assert.Equal(DatabaseFailure.None, DatabaseErrors.Classify(new InvalidOperationException("The budget 'default' does not exist")));
        Assert.Equal(DatabaseFailure.None, DatabaseErrors.Classify(new ArgumentException("bad")));
        Assert.Equal(DatabaseFailure.None, DatabaseErrors.Classify(new OperationCanceledException()));
    }

    [Fact]
    public void The_explanation_names_the_sqlstate_and_what_a_person_does()
    {
        var missing = DatabaseErrors.Explain(Postgres("42P01", "relation \"mail.budget\" does not exist"), "mail");
        Assert.Contains("42P01", missing, StringComparison.Ordinal);
        Assert.Contains("sesmailer queue migrate", missing, StringComparison.Ordinal);
        Assert.Contains("'mail'", missing, StringComparison.Ordinal);
        var login = DatabaseErrors.Explain(Postgres("28P01", "password authentication failed for user \"app\""), "sesmailer");
        Assert.Contains("28P01", login, StringComparison.Ordinal);
        Assert.Contains("password", login, StringComparison.Ordinal);
        Assert.Contains("Database", DatabaseErrors.Explain(Postgres("3D000"), "sesmailer"), StringComparison.Ordinal);
        Assert.Contains("connection string", DatabaseErrors.Explain(new NpgsqlException("No password has been provided"), "sesmailer"), StringComparison.Ordinal);
    }

    private static PostgresException Postgres(string sqlState, string text = "error") => new(text, "ERROR", "ERROR", sqlState);
}
