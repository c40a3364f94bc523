using Npgsql;
using SesMailer.PostgreSql;
using SesMailer.TestSupport.Postgres;
using Xunit;

namespace SesMailer.PostgreSql.Tests.Support;

/// <summary>One PostgreSQL server for the tests of the collection; each test takes a fresh database of its own.</summary>
public sealed class PostgresFixture : PostgresServerFixture
{
    /// <summary>A new database with the queue migrated in it.</summary>
    public async Task<TestQueue> NewQueueAsync(PostgresQueueOptions? options = null, bool migrate = true)
    {
        var connectionString = await Server.CreateDatabaseAsync();
        var dataSource = NpgsqlDataSource.Create(connectionString);
        var outbox = new PostgresOutbox(dataSource, options);
        if (migrate)
        {
            await outbox.MigrateAsync();
        }

        return new TestQueue(connectionString, dataSource, outbox);
    }
}

/// <summary>The tests that share one PostgreSQL server (they run one after the other).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
