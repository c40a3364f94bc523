using SesMailer.PostgreSql.Queueing;
using SesMailer.PostgreSql.Tests.Support;
using SesMailer.TestSupport.FakeSes;
using Xunit;
using W = SesMailer.PostgreSql.Tests.Support.Workers;

namespace SesMailer.PostgreSql.Tests.Queueing;

[Collection(PostgresCollection.Name)]
public sealed class SettlingTests(PostgresFixture postgres)
{
    [Fact]
    public async Task An_in_doubt_message_is_marked_sent_resent_or_cancelled_and_nothing_else_is_touched()
    {
        await using var queue = await postgres.NewQueueAsync();
        var ids = await W.EnqueueAsync(queue, 4);
        await queue.ScalarAsync<long>("WITH u AS (UPDATE {s}.messages SET state = 'in_doubt', attempts = 1 WHERE id <> $1 RETURNING 1) SELECT count(*) FROM u", ids[3]);

        Assert.True(await queue.Outbox.ResolveAsync(ids[0], InDoubtResolution.Sent, "ses-0001"));
        Assert.True(await queue.Outbox.ResolveAsync(ids[1], InDoubtResolution.Resend));
        Assert.True(await queue.Outbox.ResolveAsync(ids[2], InDoubtResolution.Cancel));
        Assert.False(await queue.Outbox.ResolveAsync(ids[0], InDoubtResolution.Resend)); // already settled
        Assert.False(await queue.Outbox.ResolveAsync(ids[3], InDoubtResolution.Cancel)); // pending, not in doubt
        Assert.False(await queue.Outbox.ResolveAsync("no-such-id", InDoubtResolution.Sent));

        var sent = await queue.Outbox.FindAsync(ids[0]);
        Assert.Equal((QueueState.Sent, "ses-0001"), (sent!.State, sent.SesMessageId));
        Assert.Equal(QueueState.Pending, (await queue.Outbox.FindAsync(ids[1]))!.State);
        Assert.Equal(QueueState.Cancelled, (await queue.Outbox.FindAsync(ids[2]))!.State);
        Assert.Equal(QueueState.Pending, (await queue.Outbox.FindAsync(ids[3]))!.State);

        await using var ses = await FakeSesServer.StartAsync();
        ses.State.Max24HourSend = -1;
        var (worker, _, client) = W.Ses(queue, ses, 50, "settle");
        using (client)
        {
            await worker.RunUntilEmptyAsync();
        }

        Assert.Equal(1, ses.State.AcceptedCount(ids[1]));
        Assert.Equal(0, ses.State.AcceptedCount(ids[0]));
        Assert.Equal(0, ses.State.AcceptedCount(ids[2]));
        var listed = await queue.Outbox.ListAsync(QueueState.Sent);
        Assert.Equal(new[] { ids[0], ids[1], ids[3] }.Order(), listed.Select(m => m.Id).Order());
    }

    [Fact]
    public async Task The_purge_deletes_sent_rows_past_their_retention_only()
    {
        await using var queue = await postgres.NewQueueAsync(new PostgresQueueOptions { SentRetention = TimeSpan.FromDays(1) });
        var ids = await W.EnqueueAsync(queue, 4);
        await queue.ScalarAsync<long>("WITH u AS (UPDATE {s}.messages SET state = 'sent', finished_at = now() - interval '2 hours' WHERE id = ANY($1) RETURNING 1) SELECT count(*) FROM u", new object[] { ids.Take(2).ToArray() });
        await queue.ScalarAsync<long>("WITH u AS (UPDATE {s}.messages SET state = 'sent', finished_at = now() - interval '3 days' WHERE id = $1 RETURNING 1) SELECT count(*) FROM u", ids[2]);

        Assert.Equal(1, await queue.Outbox.PurgeAsync());
        Assert.Null(await queue.Outbox.FindAsync(ids[2]));
        Assert.Equal(3, await queue.CountAsync());

        var shortRetention = new PostgresOutbox(queue.DataSource, new PostgresQueueOptions { SentRetention = TimeSpan.FromHours(1) });
        Assert.Equal(2, await shortRetention.PurgeAsync());
        Assert.Equal(QueueState.Pending, (await queue.Outbox.FindAsync(ids[3]))!.State);
    }
}
