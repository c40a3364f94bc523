using Npgsql;
using SesMailer.TestSupport.Postgres;
using Xunit;

namespace SesMailer.PostgreSql.EntityFrameworkCore.Tests;

/// <summary>One PostgreSQL server for the tests; each test takes a fresh database with the queue and the shop's tables.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL fixture has not started.");

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>A new database: the queue migrated, the shop's tables created by EF Core.</summary>
    public async Task<(string ConnectionString, NpgsqlDataSource DataSource, PostgresOutbox Outbox)> NewDatabaseAsync()
    {
        var connectionString = await Server.CreateDatabaseAsync("ef");
        var dataSource = NpgsqlDataSource.Create(connectionString);
        // The shop's tables first: EnsureCreated does nothing in a database that already has tables.
        await using (var context = ShopContext.Create(connectionString))
        {
            await context.Database.EnsureCreatedAsync();
        }

        var outbox = new PostgresOutbox(dataSource);
        await outbox.MigrateAsync();
        return (connectionString, dataSource, outbox);
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
