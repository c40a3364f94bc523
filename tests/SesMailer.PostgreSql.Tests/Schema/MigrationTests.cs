using Npgsql;
using SesMailer.PostgreSql.Tests.Support;
using Xunit;

namespace SesMailer.PostgreSql.Tests.Schema;

[Collection(PostgresCollection.Name)]
public sealed class MigrationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Migrating_twice_applies_each_migration_once()
    {
        await using var queue = await postgres.NewQueueAsync();
        await queue.Outbox.MigrateAsync();

        Assert.Equal(PostgresOutbox.SchemaVersion, await queue.ScalarAsync<long>("SELECT count(*) FROM {s}.schema_version"));
        Assert.Equal(0, await queue.CountAsync());
    }

    [Fact]
    public async Task Processes_migrating_at_the_same_time_all_succeed_and_migrate_once()
    {
        await using var queue = await postgres.NewQueueAsync(migrate: false);
        // Separate data sources: separate connections, as separate processes would have.
        var sources = Enumerable.Range(0, 6).Select(_ => NpgsqlDataSource.Create(queue.ConnectionString)).ToList();
        try
        {
            await Task.WhenAll(sources.Select(s => Task.Run(() => new PostgresOutbox(s).MigrateAsync())));
        }
        finally
        {
            foreach (var s in sources)
            {
                await s.DisposeAsync();
            }
        }

        Assert.Equal(PostgresOutbox.SchemaVersion, await queue.ScalarAsync<long>("SELECT count(*) FROM {s}.schema_version"));
        Assert.Equal(0, await queue.CountAsync());
    }

    [Fact]
    public async Task The_printed_script_creates_the_schema_a_later_migration_accepts()
    {
        await using var queue = await postgres.NewQueueAsync(new PostgresQueueOptions { Schema = "mail_queue" }, migrate: false);
        var script = PostgresOutbox.MigrationScript("mail_queue");
        Assert.StartsWith("-- SesMailer.PostgreSql", script, StringComparison.Ordinal);
        Assert.Contains("BEGIN;", script, StringComparison.Ordinal);
        Assert.Contains("pg_advisory_xact_lock", script, StringComparison.Ordinal);

        await using (var command = queue.DataSource.CreateCommand(script))
        {
            await command.ExecuteNonQueryAsync();
        }

        await queue.Outbox.MigrateAsync();
        Assert.Equal(PostgresOutbox.SchemaVersion, await queue.ScalarAsync<long>("SELECT count(*) FROM mail_queue.schema_version"));
        var indexes = await queue.RowsAsync("SELECT indexname FROM pg_indexes WHERE schemaname = 'mail_queue' ORDER BY indexname");
        Assert.Contains(indexes, r => (string)r["indexname"]! == "messages_pending");
        Assert.Contains(indexes, r => (string)r["indexname"]! == "messages_ses_message_id");
    }

    [Theory]
    [InlineData("Mail")]
    [InlineData("mail;drop")]
    [InlineData("1mail")]
    [InlineData("")]
    public void A_schema_name_that_is_not_a_plain_identifier_is_refused(string schema)
    {
        var error = Assert.Throws<ArgumentException>(() => PostgresOutbox.MigrationScript(schema));
        Assert.Contains("PostgresQueueOptions.Schema", error.Message, StringComparison.Ordinal);
    }
}
