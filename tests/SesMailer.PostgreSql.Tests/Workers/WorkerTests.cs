using SesMailer.PostgreSql.Budget;
using SesMailer.PostgreSql.Queueing;
using SesMailer.PostgreSql.Tests.Support;
using SesMailer.PostgreSql.Workers;
using SesMailer.TestSupport.FakeSes;
using Xunit;
using W = SesMailer.PostgreSql.Tests.Support.Workers;

namespace SesMailer.PostgreSql.Tests.Workers;

[Collection(PostgresCollection.Name)]
public sealed class WorkerTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_queued_message_is_sent_once_and_recorded_as_sent_with_its_ses_message_id()
    {
        await using var queue = await postgres.NewQueueAsync();
        await using var ses = await FakeSesServer.StartAsync();
        ses.State.Max24HourSend = -1;
        var ids = await W.EnqueueAsync(queue, 3, i => i + 1);
        var (worker, _, client) = W.Ses(queue, ses, 50, "w1");
        using (client)
        {
            var summary = await worker.RunUntilEmptyAsync();
            Assert.Equal(3, summary.Sent);
        }

        foreach (var id in ids)
        {
            Assert.Equal(1, ses.State.AcceptedCount(id));
            var info = await queue.Outbox.FindAsync(id);
            Assert.NotNull(info);
            Assert.Equal(QueueState.Sent, info.State);
            Assert.Equal(1, info.Attempts);
            Assert.False(string.IsNullOrEmpty(info.SesMessageId));
            Assert.NotNull(info.SendingAt);
            Assert.True(info.FinishedAt >= info.SendingAt);
        }

        var row = Assert.Single(await queue.RowsAsync("SELECT claimed_at, lease_owner, lease_expires_at FROM {s}.messages WHERE id = $1", ids[0]));
        Assert.NotNull(row["claimed_at"]);
        Assert.Null(row["lease_expires_at"]);
        var request = ses.Requests.First(r => r.Action == "SendRawEmail");
        Assert.Contains(request.Parameters, p => p.Value == "sesmailer-id");
    }

    [Fact]
    public async Task A_rejected_message_is_final_and_a_retryable_failure_is_retried_with_backoff_until_it_fails()
    {
        await using var queue = await postgres.NewQueueAsync();
        await using var ses = await FakeSesServer.StartAsync();
        ses.State.Max24HourSend = -1;
        var rejected = (await W.EnqueueAsync(queue, 1))[0];
        ses.EnqueueFault(FakeSesFault.MessageRejected(), "SendRawEmail");
        var (first, _, client) = W.Ses(queue, ses, 50, "w1", o => o.MaxConcurrency = 1);
        using (client)
        {
            await first.RunUntilEmptyAsync();
        }

        var info = await queue.Outbox.FindAsync(rejected);
        Assert.Equal(QueueState.Rejected, info!.State);
        Assert.Equal("MessageRejected", info.LastErrorCode);

        // Server errors on every attempt: the client's own retries are off, so each worker attempt fails; three are allowed.
        var failing = (await W.EnqueueAsync(queue, 1))[0];
        for (var i = 0; i < 3; i++)
        {
            ses.EnqueueFault(FakeSesFault.InternalFailure, "SendRawEmail");
        }

        using var noRetries = W.Client(ses, retries: 0);
        var budget = new PostgresSendBudget(queue.Outbox, new PostgresBudgetOptions { MaxSendRate = 50 });
        var worker = new PostgresQueueWorker(queue.Outbox, new Transport.SesTransport(noRetries, budget), budget, W.Fast("w2", o => (o.MaxAttempts, o.MaxConcurrency) = (3, 1)));
        var summary = await worker.RunUntilEmptyAsync();

        Assert.Equal(2, summary.Retried);
        Assert.Equal(1, summary.Failed);
        var failed = await queue.Outbox.FindAsync(failing);
        Assert.Equal(QueueState.Failed, failed!.State);
        Assert.Equal(3, failed.Attempts);
        Assert.Equal(0, ses.State.AcceptedCount(failing));
    }

    [Fact]
    public async Task A_worker_killed_while_sending_leaves_that_message_in_doubt_and_its_claimed_ones_to_the_others()
    {
        await using var queue = await postgres.NewQueueAsync();
        await using var ses = await FakeSesServer.StartAsync();
        ses.State.Max24HourSend = -1;
        var ids = await W.EnqueueAsync(queue, 3);
        var shortLeases = (Action<PostgresWorkerOptions>)(o => (o.ClaimLease, o.SendingLease, o.MaxConcurrency) = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), 1));

        // The dying worker claims one, commits it as sending, and never hears from SES.
        var hanging = new HangingTransport();
        var dyingBudget = new PostgresSendBudget(queue.Outbox, new PostgresBudgetOptions { MaxSendRate = 50, ChunkSize = 1 });
        var dying = new PostgresQueueWorker(queue.Outbox, hanging, dyingBudget, W.Fast("dying", shortLeases));
        using var kill = new CancellationTokenSource();
        _ = dying.RunAsync(kill.Token);
        await hanging.Called.WaitAsync(TimeSpan.FromSeconds(30));
        kill.Cancel(); // it stays stuck inside the transport, as a killed process would never answer
        var sendingId = Assert.Single(hanging.Ids);
        Assert.Equal(QueueState.Sending, (await queue.Outbox.FindAsync(sendingId))!.State);
        // Another process died right after claiming the other two: their rows are left claimed, their lease running out.
        await queue.ScalarAsync<long>(
            "WITH u AS (UPDATE {s}.messages SET state = 'claimed', lease_owner = 'ghost', claimed_at = now(), lease_expires_at = now() + interval '1 second' WHERE id <> $1 RETURNING 1) SELECT count(*) FROM u",
            sendingId);

        var (survivor, _, client) = W.Ses(queue, ses, 50, "survivor", shortLeases);
        WorkerSummary summary;
        using (client)
        {
            summary = await survivor.RunUntilEmptyAsync();
        }

        Assert.Equal(2, summary.Sent);
        var inDoubt = await queue.Outbox.FindAsync(sendingId);
        Assert.Equal(QueueState.InDoubt, inDoubt!.State);
        Assert.Equal("LeaseExpired", inDoubt.LastErrorCode);
        Assert.Equal(0, ses.State.AcceptedCount(sendingId));
        foreach (var id in ids.Where(i => i != sendingId))
        {
            Assert.Equal(1, ses.State.AcceptedCount(id));
            Assert.Equal(QueueState.Sent, (await queue.Outbox.FindAsync(id))!.State);
        }
    }

    [Fact]
    public async Task An_idle_worker_is_woken_by_the_notification_of_a_new_message()
    {
        await using var queue = await postgres.NewQueueAsync();
        await using var ses = await FakeSesServer.StartAsync();
        ses.State.Max24HourSend = -1;
        // A poll so slow that only the NOTIFY can wake it within the test.
        var (worker, _, client) = W.Ses(queue, ses, 50, "idle", o => o.PollInterval = TimeSpan.FromMinutes(10));
        using (client)
        {
            using var stop = new CancellationTokenSource();
            var run = worker.RunAsync(stop.Token);
            // Idle first: the budget row exists once the worker started, and it finds nothing to do.
            await W.WaitUntilAsync(async () => await queue.ScalarAsync<long>("SELECT count(*) FROM {s}.budget") == 1, "the worker started");
            await Task.Delay(500);

            var id = (await W.EnqueueAsync(queue, 1))[0];
            await W.WaitUntilAsync(() => Task.FromResult(ses.State.AcceptedCount(id) == 1), "the message was sent after its NOTIFY", seconds: 20);
            await stop.CancelAsync();
            var summary = await run;
            Assert.Equal(1, summary.Sent);
        }
    }

    [Fact]
    public async Task Stopping_a_worker_gives_back_what_it_claimed_and_records_what_it_sent()
    {
        await using var queue = await postgres.NewQueueAsync();
        await using var ses = await FakeSesServer.StartAsync();
        ses.State.Max24HourSend = -1;
        await W.EnqueueAsync(queue, 40);
        var (worker, _, client) = W.Ses(queue, ses, 10, "stopping", o => o.BatchSize = 10, b => b.ChunkSize = 10);
        using (client)
        {
            using var stop = new CancellationTokenSource();
            var run = worker.RunAsync(stop.Token);
            await W.WaitUntilAsync(() => Task.FromResult(ses.State.Accepted.Count >= 3), "some were sent");
            await stop.CancelAsync();
            var summary = await run;

            Assert.Equal(0, await queue.CountAsync("state IN ('claimed', 'sending')"));
            Assert.Equal(summary.Sent, await queue.CountAsync("state = 'sent'"));
            Assert.Equal(summary.Sent, ses.State.Accepted.Count);
            Assert.Equal(40 - summary.Sent, await queue.CountAsync("state = 'pending'"));
        }
    }
}
