using Npgsql;
using SesMailer.PostgreSql;
using SesMailer.TestSupport.Postgres;
using Xunit;

namespace SesMailer.Cli.Tests.Queue;

/// <summary>One PostgreSQL server for the queue command tests; each test takes a database of its own.</summary>
public sealed class QueuePostgres : PostgresServerFixture
{
    /// <summary>A new, empty database (not migrated) and an outbox over it for the test's own checks.</summary>
    public async Task<(string ConnectionString, PostgresOutbox Outbox)> NewDatabaseAsync()
    {
        var connectionString = await Server.CreateDatabaseAsync("cli");
        return (connectionString, new PostgresOutbox(NpgsqlDataSource.Create(connectionString)));
    }
}

[CollectionDefinition(Name)]
public sealed class QueuePostgresGroup : ICollectionFixture<QueuePostgres>
{
    public const string Name = "Queue PostgreSQL";
}
