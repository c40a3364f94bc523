using SesMailer.Cli.Queue;
using Xunit;

namespace SesMailer.Cli.Tests.Queue;

/// <summary>Where <c>sesmailer queue</c> finds its connection: --postgres, SESMAILER_POSTGRES, then the libpq variables.</summary>
public sealed class PostgresConnectionTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void The_option_wins_over_the_environment_and_libpq_variables_fill_what_it_leaves_out()
    {
        var builder = PostgresConnection.Resolve("Host=db1;Database=mail", Env(("SESMAILER_POSTGRES", "Host=other"), ("PGUSER", "app"), ("PGPASSWORD", "s3cret"), ("PGHOST", "ignored")));
        Assert.Equal("db1", builder.Host);
        Assert.Equal("mail", builder.Database);
        Assert.Equal("app", builder.Username);
        Assert.Equal("s3cret", builder.Password);
        Assert.DoesNotContain("s3cret", PostgresConnection.Describe(builder), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_option_the_environment_variable_then_pg_variables_are_used()
    {
        Assert.Equal("db2", PostgresConnection.Resolve(null, Env(("SESMAILER_POSTGRES", "Host=db2;Database=m"))).Host);
        var fromLibpq = PostgresConnection.Resolve(null, Env(("PGHOST", "db3"), ("PGPORT", "6543"), ("PGDATABASE", "q"), ("PGPASSFILE", "/run/secrets/pgpass")));
        Assert.Equal("db3", fromLibpq.Host);
        Assert.Equal(6543, fromLibpq.Port);
        Assert.Equal("q", fromLibpq.Database);
        Assert.Equal("/run/secrets/pgpass", fromLibpq.Passfile);
    }

    [Fact]
    public void No_connection_anywhere_is_a_usage_error_that_says_where_to_put_one()
    {
        var error = Assert.Throws<CliUsageException>(() => PostgresConnection.Resolve(null, Env()));
        Assert.Contains("SESMAILER_POSTGRES", error.Message, StringComparison.Ordinal);
        Assert.Contains("PGPASSFILE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_string_is_refused_without_quoting_it()
    {
        var error = Assert.Throws<CliUsageException>(() => PostgresConnection.Resolve("Host=x;Password=hunter2;Bogus Key=1", Env()));
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.True(PostgresConnection.HasPassword("Host=x;Password=hunter2"));
        Assert.False(PostgresConnection.HasPassword("Host=x"));
    }
}
