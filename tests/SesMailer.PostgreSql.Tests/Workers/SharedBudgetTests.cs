using System.Diagnostics;
using SesMailer.PostgreSql.Queueing;
using SesMailer.PostgreSql.Tests.Support;
using SesMailer.TestSupport.FakeSes;
using Xunit;
using Xunit.Abstractions;
using W = SesMailer.PostgreSql.Tests.Support.Workers;

namespace SesMailer.PostgreSql.Tests.Workers;

[Collection(PostgresCollection.Name)]
public sealed class SharedBudgetTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task Three_workers_share_one_rate_without_a_throttle_and_send_each_message_once()
    {
        await using var queue = await postgres.NewQueueAsync();
        await using var ses = await FakeSesServer.StartAsync();
        ses.State.Max24HourSend = -1;
        ses.State.MaxSendRate = 30;
        ses.State.EnforceSendRate = true;
        // The run: 300 messages of 1, 2 or 3 recipients (400 in all), about 13 seconds at 30 a second.
        var ids = await W.EnqueueAsync(queue, 300, i => i % 4 == 0 ? 2 : i % 10 == 1 ? 3 : 1);
        // All bulk, with the default interactive share: no interactive message waits, so bulk may use the whole rate.
        var workers = Enumerable.Range(1, 3).Select(i => W.Ses(queue, ses, 30, $"w{i}")).ToList();
        try
        {
            var summaries = await Task.WhenAll(workers.Select(w => w.Worker.RunUntilEmptyAsync()));
            Assert.Equal(300, summaries.Sum(s => s.Sent));
            Assert.True(summaries.Count(s => s.Sent > 0) >= 2, "the work was not shared: " + string.Join(", ", summaries.Select(s => s.Sent)));
        }
        finally
        {
            workers.ForEach(w => w.Client.Dispose());
        }

        Assert.Equal(0, ses.State.Throttles);
        Assert.All(ids, id => Assert.Equal(1, ses.State.AcceptedCount(id)));
        Assert.Equal(300, await queue.CountAsync("state = 'sent'"));
        var accepted = ses.State.Accepted;
        var recipients = accepted.Sum(a => a.Recipients);
        var span = (accepted.Max(a => a.Timestamp) - accepted.Min(a => a.Timestamp)) / (double)Stopwatch.Frequency;
        // A perfect pacer sends a second's worth at once, then one every 1/rate s: recipients / (span + 1 s) is its rate.
        var rate = recipients / (span + 1);
        output.WriteLine($"combined rate {rate:0.0}/s ({rate / 30:P0} of 30) over {span:0.0} s");
        Assert.True(rate >= 0.85 * 30, $"combined rate {rate:0.0}/s over {span:0.0} s, below 85 % of 30");
    }

    [Fact]
    public async Task The_daily_quota_stops_every_worker_until_resumed()
    {
        await using var queue = await postgres.NewQueueAsync();
        await using var ses = await FakeSesServer.StartAsync();
        ses.State.Max24HourSend = -1;
        var ids = await W.EnqueueAsync(queue, 12);
        ses.EnqueueFault(FakeSesFault.DailyQuotaExceeded, "SendRawEmail");
        var workers = Enumerable.Range(1, 2).Select(i => W.Ses(queue, ses, 4, $"q{i}", o => o.MaxConcurrency = 2)).ToList();
        using var stop = new CancellationTokenSource();
        var runs = workers.Select(w => w.Worker.RunAsync(stop.Token)).ToList();
        try
        {
            await W.WaitUntilAsync(async () => (await workers[0].Budget.ReadAsync())?.StoppedUntil is not null, "the quota stop was recorded");
            await W.WaitUntilAsync(async () => await queue.CountAsync("state IN ('claimed', 'sending')") == 0, "the held rows were given back");
            var sentWhenStopped = ses.State.Accepted.Count;
            await Task.Delay(1500);

            Assert.Equal(sentWhenStopped, ses.State.Accepted.Count);
            Assert.Equal(12 - sentWhenStopped, await queue.CountAsync("state = 'pending'"));
            var status = await queue.Outbox.GetStatusAsync();
            Assert.NotNull(status.QuotaStoppedUntil);
            Assert.Contains("quota", status.QuotaStopReason, StringComparison.OrdinalIgnoreCase);

            await workers[1].Budget.ResumeAsync();
            await W.WaitUntilAsync(async () => await queue.CountAsync("state = 'sent'") == 12, "all were sent after the resume");
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(runs);
            workers.ForEach(w => w.Client.Dispose());
        }

        Assert.All(ids, id => Assert.Equal(1, ses.State.AcceptedCount(id)));
        Assert.Equal(0, (await queue.Outbox.FindAsync(ids[0]))!.Attempts - 1);
    }

    [Fact]
    public async Task A_throttle_lowers_the_shared_rate_for_every_worker()
    {
        await using var queue = await postgres.NewQueueAsync();
        await using var ses = await FakeSesServer.StartAsync();
        var (_, budget, client) = W.Ses(queue, ses, 20, "t1");
        using (client)
        {
            await budget.InitializeAsync();
            budget.ReportThrottled();
            var other = new Budget.PostgresSendBudget(queue.Outbox, new Budget.PostgresBudgetOptions { MaxSendRate = 20 });
            await W.WaitUntilAsync(async () => (await other.ReadAsync())!.Throttles == 1, "the throttle was recorded");
            var state = await other.ReadAsync();
            Assert.Equal(20, state!.MaxSendRate);
            Assert.True(state.CurrentRate < 20, $"the shared rate stayed at {state.CurrentRate}");
        }
    }

    [Fact]
    public async Task Interactive_messages_are_claimed_before_waiting_bulk_ones()
    {
        await using var queue = await postgres.NewQueueAsync();
        await using var ses = await FakeSesServer.StartAsync();
        ses.State.Max24HourSend = -1;
        await W.EnqueueAsync(queue, 20);
        var urgent = (await W.EnqueueAsync(queue, 1, lane: Sending.SendLane.Interactive))[0];
        var (worker, _, client) = W.Ses(queue, ses, 10, "lanes", o => o.MaxConcurrency = 1);
        using (client)
        {
            await worker.RunUntilEmptyAsync();
        }

        Assert.Equal(urgent, ses.State.Accepted[0].Id);
        Assert.Equal(QueueState.Sent, (await queue.Outbox.FindAsync(urgent))!.State);
    }

    [Fact]
    public async Task An_interactive_message_queued_while_bulk_uses_the_whole_rate_goes_before_the_waiting_bulk()
    {
        await using var queue = await postgres.NewQueueAsync();
        await using var ses = await FakeSesServer.StartAsync();
        ses.State.Max24HourSend = -1;
        ses.State.MaxSendRate = 10;
        ses.State.EnforceSendRate = true;
        var bulk = await W.EnqueueAsync(queue, 60);
        var workers = Enumerable.Range(1, 2).Select(i => W.Ses(queue, ses, 10, $"m{i}")).ToList();
        string urgent;
        try
        {
            var runs = workers.Select(w => w.Worker.RunUntilEmptyAsync()).ToList();
            // Bulk is under way, with the interactive share in use by it (nothing interactive waits yet).
            await W.WaitUntilAsync(() => Task.FromResult(ses.State.Accepted.Count >= 15), "bulk was being sent");
            urgent = (await W.EnqueueAsync(queue, 1, lane: Sending.SendLane.Interactive))[0];
            await Task.WhenAll(runs);
        }
        finally
        {
            workers.ForEach(w => w.Client.Dispose());
        }

        var order = ses.State.Accepted.Select(a => a.Id).ToList();
        var position = order.IndexOf(urgent);
        Assert.True(position >= 15, $"the interactive message went at {position}, before it was queued");
        // It jumped the queue: bulk messages queued long before it were still waiting when it went.
        var bulkAfter = order.Skip(position + 1).Count(id => id is not null && bulk.Contains(id));
        Assert.True(bulkAfter >= 20, $"only {bulkAfter} bulk message(s) were sent after the interactive one");
        Assert.Equal(0, ses.State.Throttles);
        Assert.All(bulk.Append(urgent), id => Assert.Equal(1, ses.State.AcceptedCount(id)));
    }
}
