using System.Diagnostics;
using Npgsql;
using SesMailer.Configuration;
using SesMailer.Mailing;
using SesMailer.PostgreSql.Tests.Support;
using SesMailer.Sending;
using Xunit;

namespace SesMailer.PostgreSql.Tests.Queueing;

[Collection(PostgresCollection.Name)]
public sealed class EnqueueTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_rolled_back_transaction_queues_nothing()
    {
        await using var queue = await postgres.NewQueueAsync();
        await using var connection = await queue.DataSource.OpenConnectionAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var result = await queue.Outbox.EnqueueAsync(Messages.Composed(), connection, transaction);
            Assert.True(result.Inserted);
            await transaction.RollbackAsync();
        }

        Assert.Equal(0, await queue.CountAsync());
    }

    [Fact]
    public async Task A_committed_transaction_stores_the_mime_the_envelope_and_the_id_as_pending()
    {
        await using var queue = await postgres.NewQueueAsync();
        var email = Messages.Composed(recipients: 3, lane: SendLane.Interactive);
        await using var connection = await queue.DataSource.OpenConnectionAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await queue.Outbox.EnqueueAsync(email, connection, transaction);
            await transaction.CommitAsync();
        }

        var row = Assert.Single(await queue.RowsAsync("SELECT * FROM {s}.messages"));
        Assert.Equal(email.Id, row["id"]);
        Assert.Equal("pending", row["state"]);
        Assert.Equal((short)0, row["lane"]);
        Assert.Equal(email.Mime.ToArray(), (byte[])row["mime"]!);
        Assert.Equal(email.From, row["sender"]);
        Assert.Equal(email.Destinations, (string[])row["recipients"]!);
        Assert.Equal(3, row["recipient_count"]);
        Assert.Equal(new[] { "campaign=spring" }, (string[])row["tags"]!);
        Assert.Equal("Hello", row["email_name"]);
        Assert.Equal(0, row["attempts"]);
        Assert.NotNull(row["enqueued_at"]);
    }

    [Fact]
    public async Task Queuing_the_same_id_twice_stores_it_once()
    {
        await using var queue = await postgres.NewQueueAsync();
        var email = Messages.Composed();
        // A retried transaction: the first attempt committed (its acknowledgement was lost), the retry queues again.
        var first = await queue.Outbox.EnqueueAsync(email);
        var second = await queue.Outbox.EnqueueAsync(Messages.Composed(id: email.Id, subject: "Changed"));

        Assert.True(first.Inserted);
        Assert.False(second.Inserted);
        Assert.Equal(email.Id, second.Id);
        Assert.Equal(1, await queue.CountAsync());
        Assert.Equal(email.Mime.ToArray(), await queue.ScalarAsync<byte[]>("SELECT mime FROM {s}.messages"));
    }

    [Fact]
    public async Task A_typed_send_through_the_enlisted_mailer_queues_with_the_transaction()
    {
        await using var queue = await postgres.NewQueueAsync();
        var mailer = new Mailer(queue.Outbox.Transport, new MailerOptions { From = "noreply@acme.example" });
        await using var connection = await queue.DataSource.OpenConnectionAsync();

        SendResult kept;
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            using (queue.Outbox.Enlist(connection, transaction))
            {
                kept = await mailer.SendAsync(Message("kept@example.com"));
            }

            await transaction.CommitAsync();
        }

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            using (queue.Outbox.Enlist(connection, transaction))
            {
                await mailer.SendAsync(Message("dropped@example.com"));
            }

            await transaction.RollbackAsync();
        }

        var row = Assert.Single(await queue.RowsAsync("SELECT id, recipients, lane FROM {s}.messages"));
        Assert.Equal(kept.Id, row["id"]);
        Assert.Equal(kept.Id, kept.MessageId);
        Assert.Equal(new[] { "kept@example.com" }, (string[])row["recipients"]!);
        Assert.Equal((short)0, row["lane"]);
    }

    [Fact]
    public async Task Outside_an_enlistment_the_transport_queues_in_a_connection_of_its_own()
    {
        await using var queue = await postgres.NewQueueAsync();
        var mailer = new Mailer(queue.Outbox.Transport, new MailerOptions { From = "noreply@acme.example" });
        var results = new List<SendOutcome>();
        await foreach (var outcome in mailer.SendBulkAsync([Message("a@example.com"), Message("b@example.com")]))
        {
            results.Add(outcome);
        }

        Assert.All(results, r => Assert.Equal(SendOutcomeKind.Sent, r.Kind));
        Assert.Equal(2, await queue.CountAsync("lane = 1"));
    }

    [Fact]
    public async Task A_mailer_built_for_one_transaction_queues_in_it()
    {
        await using var queue = await postgres.NewQueueAsync();
        await using var connection = await queue.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var mailer = new Mailer(queue.Outbox.TransportFor(connection, transaction), new MailerOptions { From = "noreply@acme.example" });

        await mailer.SendAsync(Message("ann@example.com"));
        Assert.Equal(0, await queue.CountAsync()); // not yet committed: other connections do not see it
        await transaction.CommitAsync();

        Assert.Equal(1, await queue.CountAsync());
    }

    [Fact]
    public async Task A_queued_message_is_announced_to_listeners_when_its_transaction_commits()
    {
        await using var queue = await postgres.NewQueueAsync();
        await using var listener = await queue.DataSource.OpenConnectionAsync();
        var notified = new TaskCompletionSource<NpgsqlNotificationEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.Notification += (_, e) => notified.TrySetResult(e);
        await using (var listen = new NpgsqlCommand($"LISTEN {queue.Outbox.NotificationChannel}", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        await using var connection = await queue.DataSource.OpenConnectionAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await queue.Outbox.EnqueueAsync(Messages.Composed(lane: SendLane.Bulk), connection, transaction);
            await transaction.CommitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var wait = listener.WaitAsync(timeout.Token);
        var notification = await notified.Task.WaitAsync(timeout.Token);
        Assert.Equal(queue.Outbox.NotificationChannel, notification.Channel);
        Assert.Equal("1", notification.Payload);
    }

    [Fact]
    public async Task The_enqueuing_activitys_trace_context_is_stored()
    {
        await using var queue = await postgres.NewQueueAsync();
        using var source = new ActivitySource("SesMailer.PostgreSql.Tests.Enqueue");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        string traceparent;
        using (var activity = source.StartActivity("request")!)
        {
            activity.TraceStateString = "vendor=1";
            traceparent = activity.Id!;
            await queue.Outbox.EnqueueAsync(Messages.Composed());
        }

        var row = Assert.Single(await queue.RowsAsync("SELECT traceparent, tracestate FROM {s}.messages"));
        Assert.Equal(traceparent, row["traceparent"]);
        Assert.Equal("vendor=1", row["tracestate"]);
    }

    [Fact]
    public async Task A_message_that_could_never_be_sent_is_refused_naming_the_field()
    {
        await using var queue = await postgres.NewQueueAsync();
        var noRecipient = Messages.Composed();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => queue.Outbox.EnqueueAsync(new Transport.OutgoingEmail { Mime = noRecipient.Mime, From = noRecipient.From, Destinations = [] }));
        Assert.Contains("OutgoingEmail.Destinations", error.Message, StringComparison.Ordinal);

        var injected = await Assert.ThrowsAsync<ArgumentException>(() => queue.Outbox.EnqueueAsync(new Transport.OutgoingEmail { Mime = noRecipient.Mime, From = noRecipient.From, Destinations = ["a@example.com\r\nBcc: x@evil.example"] }));
        Assert.Contains("OutgoingEmail.Destinations[0]", injected.Message, StringComparison.Ordinal);
        Assert.Equal(0, await queue.CountAsync());
    }

    private static EmailMessage Message(string to)
    {
        var message = new EmailMessage(new EmailOptions()) { Subject = "Welcome", TextBody = "Hello." };
        message.Options.To.Add(new EmailAddress(to));
        return message;
    }
}
