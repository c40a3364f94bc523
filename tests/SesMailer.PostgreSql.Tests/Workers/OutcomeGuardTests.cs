using Npgsql;
using SesMailer.PostgreSql.Queueing;
using SesMailer.PostgreSql.Tests.Support;
using SesMailer.PostgreSql.Workers;
using Xunit;
using W = SesMailer.PostgreSql.Tests.Support.Workers;

namespace SesMailer.PostgreSql.Tests.Workers;

/// <summary>
/// The guarded statements a worker records held outcomes with, run on rows put in each state an outage can leave:
/// they apply to this claim and attempt only, never to a row a person settled or another claim took.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OutcomeGuardTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData("claimed", 0)] // the sending commit never happened
    [InlineData("sending", 1)] // it happened; the answer to it was lost
    [InlineData("in_doubt", 1)] // it happened, and the lease ran out while the database was away
    public async Task A_cut_sending_commit_puts_the_row_back_to_pending_without_counting_the_attempt(string state, int attempts)
    {
        await using var queue = await postgres.NewQueueAsync();
        var (id, claimedAt) = await RowAsync(queue, state, attempts, "w1");
        Assert.Equal(1, await UnsentAsync(queue, id, "w1", claimedAt, attempt: 1));
        var row = Assert.Single(await queue.RowsAsync("SELECT state, attempts, lease_owner, last_error_code FROM {s}.messages"));
        Assert.Equal("pending", row["state"]);
        Assert.Equal(0, row["attempts"]);
        Assert.Null(row["lease_owner"]);
        Assert.Null(row["last_error_code"]);
    }

    [Fact]
    public async Task A_cut_sending_commit_leaves_another_claim_and_a_persons_decision_alone()
    {
        await using var queue = await postgres.NewQueueAsync();
        var (id, claimedAt) = await RowAsync(queue, "claimed", 0, "w1");
        Assert.Equal(0, await UnsentAsync(queue, id, "w1", claimedAt.AddTicks(-10), attempt: 1)); // claimed again since
        Assert.Equal(0, await UnsentAsync(queue, id, "w2", claimedAt, attempt: 1));
        await queue.ScalarAsync<object>("UPDATE {s}.messages SET state = 'sending', attempts = 2");
        Assert.Equal(0, await UnsentAsync(queue, id, "w1", claimedAt, attempt: 1)); // a later attempt
        await queue.ScalarAsync<object>("UPDATE {s}.messages SET state = 'in_doubt', attempts = 1");
        Assert.True(await queue.Outbox.ResolveAsync(id, InDoubtResolution.Cancel));
        Assert.Equal(0, await UnsentAsync(queue, id, "w1", claimedAt, attempt: 1));
        Assert.Equal("cancelled", await queue.ScalarAsync<string>("SELECT state FROM {s}.messages"));
    }

    [Theory]
    [InlineData("sending", 1, 0)]
    [InlineData("in_doubt", 0, 1)]
    public async Task A_held_answer_records_a_sending_row_and_settles_an_in_doubt_one(string state, int first, int second)
    {
        await using var queue = await postgres.NewQueueAsync();
        var (id, claimedAt) = await RowAsync(queue, state, 1, "w1");
        var affected = await FinishAsync(queue, id, "w1", claimedAt, 1, "sent", "ses-1");
        Assert.Equal(new[] { first, second }, affected);
        var row = Assert.Single(await queue.RowsAsync("SELECT state, ses_message_id, lease_owner FROM {s}.messages"));
        Assert.Equal("sent", row["state"]);
        Assert.Equal("ses-1", row["ses_message_id"]);
        Assert.Null(row["lease_owner"]);
    }

    [Fact]
    public async Task A_held_answer_never_overrides_a_resolution_or_a_later_attempt()
    {
        await using var queue = await postgres.NewQueueAsync();
        var (id, claimedAt) = await RowAsync(queue, "in_doubt", 1, "w1");
        Assert.True(await queue.Outbox.ResolveAsync(id, InDoubtResolution.Sent, "ses-person"));
        Assert.Equal(new[] { 0, 0 }, await FinishAsync(queue, id, "w1", claimedAt, 1, "rejected", null));
        Assert.Equal("sent", await queue.ScalarAsync<string>("SELECT state FROM {s}.messages"));
        Assert.Equal("ses-person", await queue.ScalarAsync<string>("SELECT ses_message_id FROM {s}.messages"));

        // Re-queued and being sent again by the same worker: another claim, another attempt.
        await queue.ScalarAsync<object>("UPDATE {s}.messages SET state = 'sending', attempts = 2, lease_owner = 'w1', claimed_at = clock_timestamp()");
        Assert.Equal(new[] { 0, 0 }, await FinishAsync(queue, id, "w1", claimedAt, 1, "sent", "ses-old"));
        Assert.Equal("sending", await queue.ScalarAsync<string>("SELECT state FROM {s}.messages"));
    }

    [Fact]
    public async Task A_retryable_failure_held_for_an_in_doubt_row_leaves_it_in_doubt()
    {
        await using var queue = await postgres.NewQueueAsync();
        var (id, claimedAt) = await RowAsync(queue, "in_doubt", 1, "w1");
        Assert.Equal(new[] { 0, 0 }, await FinishAsync(queue, id, "w1", claimedAt, 1, "pending", null));
        Assert.Equal("in_doubt", await queue.ScalarAsync<string>("SELECT state FROM {s}.messages"));
    }

    private static async Task<(string Id, DateTime ClaimedAt)> RowAsync(TestQueue queue, string state, int attempts, string owner)
    {
        var id = (await W.EnqueueAsync(queue, 1))[0];
        var claimedAt = await queue.ScalarAsync<DateTime>(
            "UPDATE {s}.messages SET state = $1, attempts = $2, lease_owner = $3, claimed_at = clock_timestamp(), lease_expires_at = clock_timestamp(), " +
            "last_error_code = CASE WHEN $1 = 'in_doubt' THEN 'LeaseExpired' END RETURNING claimed_at", state, attempts, owner);
        return (id, claimedAt);
    }

    private static async Task<int> UnsentAsync(TestQueue queue, string id, string owner, DateTime claimedAt, int attempt)
    {
        await using var command = queue.DataSource.CreateCommand(new WorkerSql(queue.Outbox.Schema).Unsent);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = owner });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = claimedAt });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = attempt });
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<int[]> FinishAsync(TestQueue queue, string id, string owner, DateTime claimedAt, int attempt, string state, string? sesMessageId)
    {
        await using var batch = queue.DataSource.CreateBatch();
        foreach (var statement in new WorkerSql(queue.Outbox.Schema).Finish)
        {
            var command = new NpgsqlBatchCommand(statement);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = owner });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = state });
            command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = sesMessageId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = null, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = null, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = TimeSpan.Zero });
            command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = false });
            command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = claimedAt });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = attempt });
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync();
        return Enumerable.Select<NpgsqlBatchCommand, int>(batch.BatchCommands, c => c.RecordsAffected).ToArray();
    }
}
