using System.Text;
using System.Text.Json;
using Npgsql;
using SesMailer.PostgreSql.Queueing;
using SesMailer.TestSupport.FakeSes;
using Xunit;

namespace SesMailer.Cli.Tests.Queue;

/// <summary><c>sesmailer queue …</c> in-process against a real PostgreSQL and the SES fake.</summary>
[Collection(QueuePostgresGroup.Name)]
public sealed class QueueCommandTests(QueuePostgres postgres) : IDisposable
{
    private readonly OutboxFolderSupport _outbox = new();

    public void Dispose() => _outbox.Dispose();

    [Fact]
    public async Task Migrate_script_prints_the_sql_without_a_connection()
    {
        var run = await CliRun.RunAsync(null, "queue", "migrate", "--script", "--schema", "mail");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("pg_advisory_xact_lock", run.Out, StringComparison.Ordinal);
        Assert.Contains("mail.messages", run.Out, StringComparison.Ordinal);
        Assert.Contains("COMMIT", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_creates_the_schema_and_status_then_counts_nothing()
    {
        var (cs, outbox) = await postgres.NewDatabaseAsync();
        var migrate = await CliRun.RunAsync(null, "queue", "migrate", "--postgres", cs);
        Assert.Equal(ExitCodes.Success, migrate.ExitCode);
        Assert.Contains("version", migrate.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync(null, "queue", "migrate", "--postgres", cs)).ExitCode); // idempotent

        var status = await CliRun.RunAsync(null, "queue", "status", "--postgres", cs, "--output", "json");
        Assert.Equal(ExitCodes.Success, status.ExitCode);
        using var json = JsonDocument.Parse(status.Out);
        Assert.Equal(0, json.RootElement.GetProperty("Counts").GetProperty("Pending").GetInt64());
        Assert.Equal(0, json.RootElement.GetProperty("InDoubt").GetArrayLength());
        Assert.Equal(0, (await outbox.GetStatusAsync()).Depth);
    }

    [Fact]
    public async Task Enqueue_takes_a_folder_outbox_with_its_envelopes_and_a_foreign_eml_with_its_headers_once()
    {
        var (cs, outbox) = await postgres.NewDatabaseAsync();
        await MigrateAsync(cs);
        var ids = await _outbox.QueueAsync(3);
        var foreign = Path.Combine(_outbox.Folder, "..", Path.GetFileName(_outbox.Folder) + "-foreign.eml");
        await File.WriteAllTextAsync(foreign, "From: a@acme.example\r\nTo: b@example.com\r\nCc: c@example.com\r\nBcc: d@example.com\r\nSubject: Hi\r\n\r\nHello.\r\n");
        try
        {
            var run = await CliRun.RunAsync(null, "queue", "enqueue", _outbox.Folder, foreign, "--postgres", cs, "--output", "json");
            Assert.Equal(ExitCodes.Success, run.ExitCode);
            using var json = JsonDocument.Parse(run.Out);
            Assert.Equal(4, json.RootElement.GetProperty("Queued").GetInt32());
            var queued = json.RootElement.GetProperty("Ids").EnumerateArray().Select(e => e.GetString()!).ToList();
            Assert.Subset(queued.ToHashSet(), ids.ToHashSet());

            // The envelope's recipients, the Bcc included (the MIME does not hold it).
            foreach (var id in ids)
            {
                Assert.Equal(2, (await outbox.FindAsync(id))!.Recipients);
            }

            var foreignRow = await outbox.FindAsync(queued.Single(i => !ids.Contains(i)));
            Assert.Equal(3, foreignRow!.Recipients);

            // The same files again: every id is already queued, nothing is stored twice.
            var again = await CliRun.RunAsync(null, "queue", "enqueue", _outbox.Folder, foreign, "--postgres", cs);
            Assert.Equal(ExitCodes.Success, again.ExitCode);
            Assert.Contains("0 queued, 4 already queued", again.Out, StringComparison.Ordinal);
            Assert.Equal(4, (await outbox.GetStatusAsync()).Counts[QueueState.Pending]);
        }
        finally
        {
            File.Delete(foreign);
        }
    }

    [Fact]
    public async Task Enqueue_with_one_invalid_file_names_it_and_queues_nothing()
    {
        var (cs, outbox) = await postgres.NewDatabaseAsync();
        await MigrateAsync(cs);
        await _outbox.QueueAsync(2);
        var noRecipient = Path.Combine(_outbox.Folder, "zz-no-recipient.eml");
        await File.WriteAllTextAsync(noRecipient, "From: a@acme.example\r\nSubject: Hi\r\n\r\nHello.\r\n");

        var run = await CliRun.RunAsync(null, "queue", "enqueue", _outbox.Folder, "--postgres", cs);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("zz-no-recipient.eml has no To, Cc or Bcc", run.Err, StringComparison.Ordinal);
        Assert.Equal(0, (await outbox.GetStatusAsync()).Depth);

        var missing = await CliRun.RunAsync(null, "queue", "enqueue", Path.Combine(_outbox.Folder, "nope.eml"), "--postgres", cs);
        Assert.Equal(ExitCodes.Usage, missing.ExitCode);
        Assert.Contains("nope.eml is neither a file nor a folder", missing.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enqueue_refuses_a_message_the_queue_cannot_send_and_rolls_back_the_others()
    {
        var (cs, outbox) = await postgres.NewDatabaseAsync();
        await MigrateAsync(cs);
        await _outbox.QueueAsync(2);
        // 51 recipients: over SES's limit of 50, refused by the queue itself at insert time.
        var many = string.Join(", ", Enumerable.Range(0, 51).Select(i => $"r{i}@example.com"));
        await File.WriteAllTextAsync(Path.Combine(_outbox.Folder, "zz-too-many.eml"), $"From: a@acme.example\r\nTo: {many}\r\nSubject: Hi\r\n\r\nHello.\r\n");

        var run = await CliRun.RunAsync(null, "queue", "enqueue", _outbox.Folder, "--postgres", cs);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("zz-too-many.eml", run.Err, StringComparison.Ordinal);
        Assert.Contains("Nothing was queued", run.Err, StringComparison.Ordinal);
        Assert.Equal(0, (await outbox.GetStatusAsync()).Depth);
    }

    [Fact]
    public async Task Work_until_empty_sends_every_queued_message_once_through_ses()
    {
        await using var server = await FakeSesServer.StartAsync();
        server.State.MaxSendRate = 1000;
        var (cs, outbox) = await postgres.NewDatabaseAsync();
        await MigrateAsync(cs);
        var ids = await _outbox.QueueAsync(12);
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync(null, "queue", "enqueue", _outbox.Folder, "--postgres", cs)).ExitCode);

        var run = await CliRun.RunAsync(server, "queue", "work", "--until-empty", "--max-send-rate", "200", "--concurrency", "3",
            "--postgres", cs, "--region", "us-east-1", "--endpoint", server.Endpoint.ToString());
        Assert.True(run.ExitCode == ExitCodes.Success, run.Err + run.Out);
        Assert.Contains("12 sent", run.Out, StringComparison.Ordinal);
        Assert.All(ids, id => Assert.Equal(1, server.State.AcceptedCount(id)));
        var status = await outbox.GetStatusAsync();
        Assert.Equal(12, status.Counts[QueueState.Sent]);
        Assert.NotNull((await outbox.FindAsync(ids[0]))!.SesMessageId);
    }

    [Fact]
    public async Task Status_lists_in_doubt_messages_with_exit_3_and_resolve_settles_them()
    {
        var (cs, outbox) = await postgres.NewDatabaseAsync();
        await MigrateAsync(cs);
        var ids = await _outbox.QueueAsync(2);
        await CliRun.RunAsync(null, "queue", "enqueue", _outbox.Folder, "--postgres", cs);
        // As a worker killed mid-send leaves it once its sending lease has expired.
        await using (var dataSource = NpgsqlDataSource.Create(cs))
        await using (var command = dataSource.CreateCommand("UPDATE sesmailer.messages SET state = 'in_doubt', last_error_code = 'LeaseExpired', last_error = 'the worker went away' WHERE id = $1"))
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ids[0] });
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var text = await CliRun.RunAsync(null, "queue", "status", "--postgres", cs);
        Assert.Equal(ExitCodes.InDoubt, text.ExitCode);
        Assert.Contains(ids[0], text.Out, StringComparison.Ordinal);
        var json = await CliRun.RunAsync(null, "queue", "status", "--postgres", cs, "--output", "json");
        using (var doc = JsonDocument.Parse(json.Out))
        {
            Assert.Equal(ids[0], doc.RootElement.GetProperty("InDoubt")[0].GetProperty("Id").GetString());
            Assert.Equal(1, doc.RootElement.GetProperty("Counts").GetProperty("InDoubt").GetInt64());
        }

        var notInDoubt = await CliRun.RunAsync(null, "queue", "resolve", ids[1], "--sent", "--postgres", cs);
        Assert.Equal(ExitCodes.Usage, notInDoubt.ExitCode);
        Assert.Contains("is pending, not in doubt", notInDoubt.Err, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, (await CliRun.RunAsync(null, "queue", "resolve", ids[0], "--sent", "--cancel", "--postgres", cs)).ExitCode);
        Assert.Equal(ExitCodes.Usage, (await CliRun.RunAsync(null, "queue", "resolve", "no-such-id", "--cancel", "--postgres", cs)).ExitCode);

        var resend = await CliRun.RunAsync(null, "queue", "resolve", ids[0], "--resend", "--postgres", cs);
        Assert.Equal(ExitCodes.Success, resend.ExitCode);
        Assert.Equal(QueueState.Pending, (await outbox.FindAsync(ids[0]))!.State);
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync(null, "queue", "status", "--postgres", cs)).ExitCode);
    }

    [Fact]
    public async Task An_unreachable_database_exits_1_without_printing_the_password()
    {
        var run = await CliRun.RunAsync(null, "queue", "status", "--postgres", "Host=127.0.0.1;Port=1;Database=x;Username=u;Password=hunter2-secret;Timeout=2");
        Assert.Equal(ExitCodes.SesError, run.ExitCode);
        Assert.Contains("error: PostgreSQL (u@127.0.0.1:1/x)", run.Err, StringComparison.Ordinal);
        Assert.Contains("warning: --postgres holds a password", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.Err + run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Work_on_a_database_that_was_never_migrated_exits_1_at_once_with_the_migrate_hint()
    {
        await using var server = await FakeSesServer.StartAsync();
        var (cs, _) = await postgres.NewDatabaseAsync();
        // A guard against the hang this replaces (retrying forever), not a timing assertion.
        var run = await CliRun.RunAsync(server, "queue", "work", "--until-empty", "--max-send-rate", "10",
            "--postgres", cs, "--region", "us-east-1", "--endpoint", server.Endpoint.ToString()).WaitAsync(TimeSpan.FromSeconds(120));
        Assert.True(run.ExitCode == ExitCodes.SesError, run.Err + run.Out);
        Assert.Contains("42P01", run.Err, StringComparison.Ordinal);
        Assert.Contains("run `sesmailer queue migrate`", run.Err, StringComparison.Ordinal);
        Assert.Empty(server.State.Accepted);
    }

    [Fact]
    public async Task Status_on_a_database_that_was_never_migrated_exits_1_with_the_migrate_hint()
    {
        var (cs, _) = await postgres.NewDatabaseAsync();
        var run = await CliRun.RunAsync(null, "queue", "status", "--postgres", cs);
        Assert.True(run.ExitCode == ExitCodes.SesError, run.Err + run.Out);
        Assert.Contains("42P01", run.Err, StringComparison.Ordinal);
        Assert.Contains("run `sesmailer queue migrate`", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_whose_login_is_refused_exits_1_naming_the_login()
    {
        var (cs, _) = await postgres.NewDatabaseAsync();
        var refused = WithUnknownRole(cs);
        var run = await CliRun.RunAsync(null, "queue", "migrate", "--postgres", refused);
        Assert.True(run.ExitCode == ExitCodes.SesError, run.Err + run.Out);
        Assert.Contains("28000", run.Err, StringComparison.Ordinal);
        Assert.Contains("refused the login", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Work_whose_login_is_refused_exits_1_at_once_naming_the_login()
    {
        await using var server = await FakeSesServer.StartAsync();
        var (cs, _) = await postgres.NewDatabaseAsync();
        await MigrateAsync(cs);
        var refused = WithUnknownRole(cs);
        var run = await CliRun.RunAsync(server, "queue", "work", "--max-send-rate", "10",
            "--postgres", refused, "--region", "us-east-1", "--endpoint", server.Endpoint.ToString()).WaitAsync(TimeSpan.FromSeconds(120));
        Assert.True(run.ExitCode == ExitCodes.SesError, run.Err + run.Out);
        Assert.Contains("28000", run.Err, StringComparison.Ordinal);
        Assert.Contains("refused the login", run.Err, StringComparison.Ordinal);
    }

    /// <summary><paramref name="cs"/> with a role the server does not know, so that it refuses the login (28000).</summary>
    private static string WithUnknownRole(string cs) => new NpgsqlConnectionStringBuilder(cs) { Username = "no_such_role" }.ConnectionString;

    private static async Task MigrateAsync(string cs) =>
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync(null, "queue", "migrate", "--postgres", cs)).ExitCode);
}
