using Npgsql;
using SesMailer.PostgreSql;
using SesMailer.TestSupport.Postgres;
using Xunit;

namespace SesMailer.PostgreSql.Tests.Support;

/// <summary>One PostgreSQL server for the tests of the collection; each test takes a fresh database of its own.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    /// <summary>The running server (started by xunit before the first test).</summary>
    public PostgresServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL fixture has not started.");

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

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
