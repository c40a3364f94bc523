using Npgsql;
using SesMailer.TestSupport.Postgres;
using Xunit;

namespace SesMailer.PostgreSql.EntityFrameworkCore.Tests;

/// <summary>One PostgreSQL server for the tests; each test takes a fresh database with the queue and the shop's tables.</summary>
public sealed class PostgresFixture : PostgresServerFixture
{
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
