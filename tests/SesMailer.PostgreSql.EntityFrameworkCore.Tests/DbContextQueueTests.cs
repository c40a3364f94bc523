using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SesMailer.Configuration;
using SesMailer.Mailing;
using SesMailer.Transport;
using Xunit;

namespace SesMailer.PostgreSql.EntityFrameworkCore.Tests;

/// <summary>Emails queued in a DbContext's transaction commit and roll back with SaveChanges, and survive a retrying execution strategy once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DbContextQueueTests(PostgresFixture postgres)
{
    [Fact]
    public async Task An_email_queued_with_saved_changes_is_stored_when_the_transaction_commits()
    {
        var (cs, dataSource, outbox) = await postgres.NewDatabaseAsync();
        await using var _ = dataSource;
        var email = Composed("ann@example.com");
        await using (var db = ShopContext.Create(cs))
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Orders.Add(new Order { Customer = "ann" });
            await db.SaveChangesAsync();
            var result = await outbox.EnqueueAsync(db, email);
            Assert.True(result.Inserted);
            Assert.Equal(0, await CountAsync(dataSource, "messages")); // uncommitted: invisible elsewhere
            await tx.CommitAsync();
        }

        Assert.Equal(1, await CountAsync(dataSource, "messages"));
        Assert.Equal(1, await CountAsync(dataSource, "orders"));
        Assert.Equal(email.Id, (await outbox.FindAsync(email.Id!))?.Id);
    }

    [Fact]
    public async Task A_rolled_back_transaction_queues_nothing_and_saves_nothing()
    {
        var (cs, dataSource, outbox) = await postgres.NewDatabaseAsync();
        await using var _ = dataSource;
        await using (var db = ShopContext.Create(cs))
        {
            var typed = new Mailer(outbox.TransportFor(db), new MailerOptions { From = "noreply@acme.example" });
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Orders.Add(new Order { Customer = "bob" });
            await db.SaveChangesAsync();
            await typed.SendAsync(Message("bob@example.com"));
            await outbox.EnqueueAsync(db, Composed("bob@example.com"));
            await tx.RollbackAsync();
        }

        Assert.Equal(0, await CountAsync(dataSource, "messages"));
        Assert.Equal(0, await CountAsync(dataSource, "orders"));
    }

    [Fact]
    public async Task Queuing_without_a_transaction_is_refused_with_what_to_do()
    {
        var (cs, dataSource, outbox) = await postgres.NewDatabaseAsync();
        await using var _ = dataSource;
        await using var db = ShopContext.Create(cs);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => outbox.EnqueueAsync(db, Composed("ann@example.com")));
        Assert.Contains("BeginTransactionAsync", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => outbox.Enlist(db));
        Assert.Equal(0, await CountAsync(dataSource, "messages"));
    }

    [Fact]
    public async Task A_typed_email_sent_through_the_enlisted_queuing_mailer_joins_the_transaction()
    {
        var (cs, dataSource, outbox) = await postgres.NewDatabaseAsync();
        await using var _ = dataSource;
        // The application's mailer queues (UsePostgresQueue gives it outbox.Transport); Enlist ties it to the context.
        var mailer = new Mailer(outbox.Transport, new MailerOptions { From = "noreply@acme.example" });
        SendResult sent;
        await using (var db = ShopContext.Create(cs))
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Orders.Add(new Order { Customer = "cy" });
            await db.SaveChangesAsync();
            using (outbox.Enlist(db))
            {
                sent = await mailer.SendAsync(Message("cy@example.com"));
            }

            Assert.Equal(0, await CountAsync(dataSource, "messages"));
            await tx.CommitAsync();
        }

        var row = await outbox.FindAsync(sent.Id!);
        Assert.NotNull(row);
        Assert.Equal(1, row.Recipients);
    }

    [Fact]
    public async Task A_strategy_retrying_after_a_lost_commit_acknowledgement_stores_the_email_once()
    {
        var (cs, dataSource, outbox) = await postgres.NewDatabaseAsync();
        await using var _ = dataSource;
        RetryingStrategy? strategy = null;
        await using var db = ShopContext.Create(cs, d => strategy = new RetryingStrategy(d));
        // The id is chosen outside the retried block, so every attempt queues the same message.
        var id = StableId.New();
        var mailer = new Mailer(outbox.TransportFor(db), new MailerOptions { From = "noreply@acme.example" });
        var inserted = new List<bool>();
        var attempt = 0;
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            attempt++;
            await using var tx = await db.Database.BeginTransactionAsync();
            var message = Message("dee@example.com");
            message.Options.Id = id;
            var result = await mailer.SendAsync(message);
            Assert.Equal(id, result.Id);
            inserted.Add((await outbox.FindAsync(id)) is null);
            await tx.CommitAsync();
            if (attempt == 1)
            {
                // The commit reached the server, but the application never heard back: the strategy runs it all again.
                throw new LostAcknowledgementException();
            }
        });

        Assert.Equal(2, attempt);
        Assert.Equal(1, strategy!.Attempts);
        Assert.Equal(1, await CountAsync(dataSource, "messages"));
        Assert.Equal(new[] { true, false }, inserted); // the second attempt found the first one's row
    }

    [Fact]
    public async Task A_strategy_retrying_after_the_connection_broke_mid_transaction_stores_the_order_and_email_once()
    {
        var (cs, dataSource, outbox) = await postgres.NewDatabaseAsync();
        await using var _ = dataSource;
        await using var db = ShopContext.Create(cs, d => new RetryingStrategy(d));
        var email = Composed("eve@example.com");
        var attempt = 0;
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            attempt++;
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Orders.Add(new Order { Customer = "eve" });
            await db.SaveChangesAsync();
            await outbox.EnqueueAsync(db, email);
            if (attempt == 1)
            {
                // Another session ends this one (as a failover or a restart would): the transaction is lost, not committed.
                var pid = ((NpgsqlConnection)db.Database.GetDbConnection()).ProcessID;
                await using var kill = dataSource.CreateCommand($"SELECT pg_terminate_backend({pid})");
                await kill.ExecuteScalarAsync();
            }

            await tx.CommitAsync();
        });

        Assert.Equal(2, attempt);
        Assert.Equal(1, await CountAsync(dataSource, "messages"));
        Assert.Equal(1, await CountAsync(dataSource, "orders"));
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, string table)
    {
        var name = table == "orders" ? "public.\"Orders\"" : "sesmailer." + table;
        await using var command = dataSource.CreateCommand($"SELECT count(*) FROM {name}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static OutgoingEmail Composed(string to)
    {
        var id = StableId.New();
        var mime = $"From: noreply@acme.example\r\nTo: {to}\r\nSubject: Order\r\n{StableId.HeaderName}: {id}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nThanks.\r\n";
        return new OutgoingEmail { Mime = Encoding.ASCII.GetBytes(mime), From = "noreply@acme.example", Destinations = [to], Id = id };
    }

    private static EmailMessage Message(string to)
    {
        var message = new EmailMessage(new EmailOptions()) { Subject = "Your order", TextBody = "Thanks." };
        message.Options.To.Add(new EmailAddress(to));
        return message;
    }
}
