using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Npgsql;
using SesMailer.Cli.Output;
using SesMailer.Cli.Queue;
using SesMailer.PostgreSql;
using SesMailer.PostgreSql.Budget;
using SesMailer.PostgreSql.Errors;
using SesMailer.PostgreSql.Queueing;
using SesMailer.PostgreSql.Workers;
using SesMailer.Transport;

namespace SesMailer.Cli.Commands;

/// <summary>
/// <c>queue migrate|enqueue|work|status|resolve</c>: the PostgreSQL queue (src/SesMailer.PostgreSql) from a shell.
/// A database error exits 1 (<c>error: PostgreSQL: …</c>), never printing the connection's password.
/// </summary>
internal static class QueueCommands
{
    public static Command Create(Func<ParseResult, CommandContext> context, TextWriter error)
    {
        var postgres = new Option<string?>("--postgres")
        {
            Description = $"The Npgsql connection string (Host=…;Port=…;Database=…;Username=…). Default: {PostgresConnection.Variable}; " +
                "PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, PGPASSFILE fill what it leaves out. Keep passwords out of argv.",
            Recursive = true,
        };
        var schema = new Option<string>("--schema")
        {
            Description = "The schema that holds the queue's tables.",
            DefaultValueFactory = _ => PostgresQueueOptions.DefaultSchema,
            Recursive = true,
        };
        var queue = new Command("queue", "The PostgreSQL queue: create its schema, queue .eml files, run a worker that sends through SES, read and settle it.")
        {
            postgres, schema,
        };
        var options = new QueueOptions(postgres, schema, error);
        queue.Subcommands.Add(Migrate(options));
        queue.Subcommands.Add(Enqueue(options, context));
        queue.Subcommands.Add(Work(options, context));
        queue.Subcommands.Add(Status(options, context));
        queue.Subcommands.Add(Resolve(options, context));
        return queue;
    }

    private static Command Migrate(QueueOptions options)
    {
        var script = new Option<bool>("--script") { Description = "Print the SQL instead of running it (for a DBA to read or apply with psql); needs no connection." };
        var command = new Command("migrate", "Create or upgrade the queue's schema (idempotent, safe from several processes at once: an advisory lock).") { script };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output ?? TextWriter.Null;
            if (parse.GetValue(script))
            {
                await output.WriteAsync(PostgresOutbox.MigrationScript(options.Schema(parse))).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            return await options.WithOutboxAsync(parse, async (outbox, described) =>
            {
                await outbox.MigrateAsync(ct).ConfigureAwait(false);
                await output.WriteLineAsync($"schema {outbox.Schema} is at version {PostgresOutbox.SchemaVersion} ({described}).").ConfigureAwait(false);
                return ExitCodes.Success;
            }).ConfigureAwait(false);
        });
        return command;
    }

    private static Command Enqueue(QueueOptions options, Func<ParseResult, CommandContext> context)
    {
        var files = new Argument<string[]>("FILES") { Description = ".eml files, or folder outboxes (their queued .eml files with their envelopes).", Arity = ArgumentArity.OneOrMore };
        var command = new Command(
            "enqueue",
            "Queue .eml files: with their envelope (name.envelope.json) when present, else to the To, Cc and Bcc of their headers. " +
            "All or nothing: every file is checked first and all are queued in one transaction. A file already queued (same stable id) is skipped.")
        {
            files,
        };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            var emails = await EmlQueueInput.LoadAsync(parse.GetValue(files)!, ct).ConfigureAwait(false);
            return await options.WithOutboxAsync(parse, async (outbox, _) =>
            {
                var results = new List<EnqueueResult>(emails.Count);
                await using (var connection = await outbox.DataSource.OpenConnectionAsync(ct).ConfigureAwait(false))
                await using (var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false))
                {
                    foreach (var (path, email) in emails)
                    {
                        try
                        {
                            results.Add(await outbox.EnqueueAsync(email, connection, transaction, ct).ConfigureAwait(false));
                        }
                        catch (ArgumentException e)
                        {
                            // Nothing is committed: the transaction is rolled back when disposed.
                            throw new CliUsageException($"{path}: {e.Message} Nothing was queued.", e);
                        }
                    }

                    await transaction.CommitAsync(ct).ConfigureAwait(false);
                }

                var queued = results.Count(r => r.Inserted);
                ctx.Print(
                    () => JsonOutput.Object(w =>
                    {
                        w.WriteNumber("Queued", queued);
                        w.WriteNumber("AlreadyQueued", results.Count - queued);
                        w.StringArray("Ids", results.Select(r => r.Id));
                    }),
                    () => $"{queued} queued, {results.Count - queued} already queued.{Environment.NewLine}");
                return ExitCodes.Success;
            }).ConfigureAwait(false);
        });
        return command;
    }

    private static Command Work(QueueOptions options, Func<ParseResult, CommandContext> context)
    {
        var untilEmpty = new Option<bool>("--until-empty") { Description = "Exit once no message is pending, claimed or being sent (by any worker)." };
        var maxSendRate = new Option<double?>("--max-send-rate")
        {
            Description = "The account's sending rate in recipients per second, shared by every worker through the database; by default SES's GetSendQuota is asked.",
        };
        var defaults = new PostgresWorkerOptions();
        var concurrency = new Option<int>("--concurrency") { Description = "Sends in flight at once in this worker.", DefaultValueFactory = _ => defaults.MaxConcurrency };
        var claimLease = new Option<double>("--claim-lease") { Description = "Seconds a claimed, unsent message stays this worker's before others may take it back.", DefaultValueFactory = _ => defaults.ClaimLease.TotalSeconds };
        var sendingLease = new Option<double>("--sending-lease") { Description = "Seconds a message being sent stays this worker's; past it, the message is in doubt (never resent).", DefaultValueFactory = _ => defaults.SendingLease.TotalSeconds };
        var workerId = new Option<string?>("--worker-id") { Description = "The name this worker's leases carry (default: host:pid:random)." };
        var stopGrace = new Option<double>("--stop-grace")
        {
            Description = "After a stop, seconds to keep trying to record SES answers held through a database outage; those left are printed with their SES message ids (exit 3).",
            DefaultValueFactory = _ => defaults.StopGracePeriod.TotalSeconds,
        };
        var command = new Command(
            "work",
            "Send the queue through SES (the global SES options apply), paced by the one rate every worker shares. Ctrl+C or SIGTERM stops it " +
            "cleanly: sends in flight finish, unsent claims go back. A database outage is waited out; a database error no retry fixes " +
            "(a refused login, a missing database, the queue's tables missing) stops it. Exit codes: 0 all sent, 1 some failed or were rejected " +
            "or the database refused the worker, 3 some in doubt or SES answers left unrecorded.")
        {
            untilEmpty, maxSendRate, concurrency, claimLease, sendingLease, workerId, stopGrace,
        };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            var rate = parse.GetValue(maxSendRate);
            if (rate is { } r && !(r > 0 && double.IsFinite(r)))
            {
                throw new CliUsageException($"--max-send-rate must be a positive number of recipients per second; it is {r}.");
            }

            var workerOptions = new PostgresWorkerOptions
            {
                MaxConcurrency = Positive(parse.GetValue(concurrency), "--concurrency"),
                ClaimLease = Seconds(parse.GetValue(claimLease), "--claim-lease"),
                SendingLease = Seconds(parse.GetValue(sendingLease), "--sending-lease"),
                StopGracePeriod = parse.GetValue(stopGrace) is var grace && grace >= 0 && double.IsFinite(grace)
                    ? TimeSpan.FromSeconds(grace)
                    : throw new CliUsageException($"--stop-grace must be zero or a positive number of seconds; it is {grace}."),
            };
            if (parse.GetValue(workerId) is { Length: > 0 } id)
            {
                workerOptions.WorkerId = id;
            }

            return await options.WithOutboxAsync(parse, async (outbox, described) =>
            {
                var client = ctx.Client;
                var budget = new PostgresSendBudget(outbox, new PostgresBudgetOptions { MaxSendRate = rate }, SesTransport.QuotaOf(client));
                var worker = new PostgresQueueWorker(outbox, new SesTransport(client, budget), budget, workerOptions);
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
                using var signals = StopSignals.Register(stop);
                WorkerSummary summary;
                try
                {
                    summary = parse.GetValue(untilEmpty)
                        ? await worker.RunUntilEmptyAsync(stop.Token).ConfigureAwait(false)
                        : await worker.RunAsync(stop.Token).ConfigureAwait(false);
                }
                catch (QueueDatabaseException e)
                {
                    // The database refused the worker for good (login, database, tables): say what to do; the SES
                    // answers it could not record are listed first, since a person must settle them either way.
                    await PrintUnrecordedAsync(options.Error, e.Summary).ConfigureAwait(false);
                    await options.Error.WriteLineAsync($"error: PostgreSQL ({described}): {e.Message}").ConfigureAwait(false);
                    return e.Summary.Unrecorded.Count > 0 ? ExitCodes.InDoubt : ExitCodes.SesError;
                }

                await PrintSummaryAsync(ctx, options.Error, outbox, worker.WorkerId, summary).ConfigureAwait(false);
                return summary.InDoubt + summary.Unrecorded.Count > 0 ? ExitCodes.InDoubt
                    : summary.Failed + summary.Rejected > 0 ? ExitCodes.SesError
                    : ExitCodes.Success;
            }).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task PrintSummaryAsync(CommandContext ctx, TextWriter error, PostgresOutbox outbox, string workerId, WorkerSummary s)
    {
        ctx.Print(
            () => JsonOutput.Object(w =>
            {
                w.WriteString("WorkerId", workerId);
                w.WriteNumber("Sent", s.Sent);
                w.WriteNumber("Rejected", s.Rejected);
                w.WriteNumber("Failed", s.Failed);
                w.WriteNumber("Retried", s.Retried);
                w.WriteNumber("InDoubt", s.InDoubt);
                w.WriteNumber("Released", s.Released);
                w.WriteNumber("RecordedLate", s.RecordedLate);
                w.WriteStartArray("Unrecorded");
                foreach (var u in s.Unrecorded)
                {
                    w.WriteStartObject();
                    w.WriteString("Id", u.Id);
                    w.WriteNumber("Attempt", u.Attempt);
                    w.WriteString("State", u.State);
                    w.WriteString("SesMessageId", u.SesMessageId);
                    w.WriteString("ErrorCode", u.ErrorCode);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }),
            () => $"{s.Sent} sent, {s.Rejected} rejected, {s.Failed} failed, {s.Retried} to retry, {s.InDoubt} in doubt, {s.Released} released" +
                (s.RecordedLate > 0 ? $", {s.RecordedLate} recorded late after a database outage" : string.Empty) +
                (s.Unrecorded.Count > 0 ? $", {s.Unrecorded.Count} unrecorded" : string.Empty) + $".{Environment.NewLine}");
        await PrintUnrecordedAsync(error, s).ConfigureAwait(false);
        if (s.InDoubt > 0)
        {
            // Named by stable id (the sesmailer-id tag of SES event data): look there, then `queue resolve`.
            foreach (var message in (await outbox.ListAsync(QueueState.InDoubt, 1000).ConfigureAwait(false)).Where(m => m.LeaseOwner == workerId))
            {
                await error.WriteLineAsync($"in doubt: message {message.Id}: {message.LastErrorCode}: {message.LastError}").ConfigureAwait(false);
            }
        }
    }

    /// <summary>The SES answers the worker could not record (the database stayed away through the stop's grace period), for a person.</summary>
    private static async Task PrintUnrecordedAsync(TextWriter error, WorkerSummary s)
    {
        foreach (var u in s.Unrecorded)
        {
            await error.WriteLineAsync(u.SesMessageId is { } sesId
                ? $"unrecorded: message {u.Id} (attempt {u.Attempt}) was accepted by SES as {sesId}; once it shows in doubt: sesmailer queue resolve {u.Id} --sent --ses-message-id {sesId}"
                : u.State == "pending"
                    ? $"unrecorded: message {u.Id} (attempt {u.Attempt}) never left (its sending commit was cut); if it shows in doubt: sesmailer queue resolve {u.Id} --resend"
                    : $"unrecorded: message {u.Id} (attempt {u.Attempt}) should be {u.State} ({u.ErrorCode}); once it shows in doubt, settle it with sesmailer queue resolve {u.Id}").ConfigureAwait(false);
        }
    }

    private static Command Status(QueueOptions options, Func<ParseResult, CommandContext> context)
    {
        var limit = new Option<int>("--limit") { Description = "How many in-doubt messages to list at most.", DefaultValueFactory = _ => 100 };
        var command = new Command("status", "Counts by state, the oldest pending message's age, expired leases, a quota stop, and the in-doubt messages. Exit code 3 when any message is in doubt.")
        {
            limit,
        };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            var max = Positive(parse.GetValue(limit), "--limit");
            return await options.WithOutboxAsync(parse, async (outbox, _) =>
            {
                var status = await outbox.GetStatusAsync(ct).ConfigureAwait(false);
                var inDoubt = status.InDoubt > 0 ? await outbox.ListAsync(QueueState.InDoubt, max, ct).ConfigureAwait(false) : [];
                ctx.Print(() => StatusJson(status, inDoubt), () => StatusText(status, inDoubt));
                return status.InDoubt > 0 ? ExitCodes.InDoubt : ExitCodes.Success;
            }).ConfigureAwait(false);
        });
        return command;
    }

    private static string StatusJson(QueueStatus status, IReadOnlyList<QueuedMessageInfo> inDoubt) => JsonOutput.Object(w =>
    {
        w.WriteStartObject("Counts");
        foreach (var (state, count) in status.Counts.OrderBy(c => c.Key))
        {
            w.WriteNumber(state.ToString(), count);
        }

        w.WriteEndObject();
        if (status.OldestPendingAge is { } age)
        {
            w.WriteNumber("OldestPendingSeconds", Math.Round(age.TotalSeconds, 3));
        }
        else
        {
            w.WriteNull("OldestPendingSeconds");
        }

        w.WriteNumber("ExpiredLeases", status.ExpiredLeases);
        w.WriteString("QuotaStoppedUntil", status.QuotaStoppedUntil?.ToString("O", CultureInfo.InvariantCulture));
        w.WriteString("QuotaStopReason", status.QuotaStopReason);
        w.WriteStartArray("InDoubt");
        foreach (var m in inDoubt)
        {
            w.WriteStartObject();
            w.WriteString("Id", m.Id);
            w.WriteString("EmailName", m.EmailName);
            w.WriteNumber("Recipients", m.Recipients);
            w.WriteNumber("Attempts", m.Attempts);
            w.WriteString("SendingAt", m.SendingAt?.ToString("O", CultureInfo.InvariantCulture));
            w.WriteString("LastErrorCode", m.LastErrorCode);
            w.WriteString("LastError", m.LastError);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private static string StatusText(QueueStatus status, IReadOnlyList<QueuedMessageInfo> inDoubt)
    {
        var text = TextTable.Render(["State", "Messages"], status.Counts.OrderBy(c => c.Key).Select(c => (IReadOnlyList<string>)[Name(c.Key), c.Value.ToString(CultureInfo.InvariantCulture)]))
            + string.Create(CultureInfo.InvariantCulture, $"oldest pending: {(status.OldestPendingAge is { } a ? $"{a.TotalSeconds:0.0} s" : "none")}; expired leases: {status.ExpiredLeases}{Environment.NewLine}");
        if (status.QuotaStoppedUntil is { } until)
        {
            text += $"sending stopped until {until.ToString("O", CultureInfo.InvariantCulture)}: {status.QuotaStopReason}{Environment.NewLine}";
        }

        if (inDoubt.Count > 0)
        {
            text += Environment.NewLine + "In doubt (may have been delivered: check SES event data for the sesmailer-id tag, then `sesmailer queue resolve ID --sent|--resend|--cancel`):" + Environment.NewLine
                + TextTable.Render(["Id", "Email", "Recipients", "Sending at", "Error"], inDoubt.Select(m => (IReadOnlyList<string>)[
                    m.Id, m.EmailName ?? "-", m.Recipients.ToString(CultureInfo.InvariantCulture),
                    m.SendingAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-", $"{m.LastErrorCode}: {m.LastError}"]));
        }

        return text;
    }

    private static Command Resolve(QueueOptions options, Func<ParseResult, CommandContext> context)
    {
        var id = new Argument<string>("ID") { Description = "The stable id of an in-doubt message (as `queue status` lists it)." };
        var sent = new Option<bool>("--sent") { Description = "It was delivered (found in SES event data): record it as sent." };
        var resend = new Option<bool>("--resend") { Description = "It was not delivered: queue it again (pending)." };
        var cancel = new Option<bool>("--cancel") { Description = "Give it up: record it as cancelled." };
        var sesMessageId = new Option<string?>("--ses-message-id") { Description = "With --sent: the SES message id found for it." };
        var command = new Command("resolve", "Settle an in-doubt message once a person has checked: exactly one of --sent, --resend, --cancel.")
        {
            id, sent, resend, cancel, sesMessageId,
        };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            var chosen = new[] { (parse.GetValue(sent), InDoubtResolution.Sent), (parse.GetValue(resend), InDoubtResolution.Resend), (parse.GetValue(cancel), InDoubtResolution.Cancel) }
                .Where(c => c.Item1).Select(c => c.Item2).ToArray();
            if (chosen.Length != 1)
            {
                throw new CliUsageException("resolve needs exactly one of --sent, --resend, --cancel.");
            }

            var sesId = parse.GetValue(sesMessageId);
            if (sesId is not null && chosen[0] != InDoubtResolution.Sent)
            {
                throw new CliUsageException("--ses-message-id goes with --sent only.");
            }

            var messageId = parse.GetValue(id)!;
            return await options.WithOutboxAsync(parse, async (outbox, _) =>
            {
                if (!await outbox.ResolveAsync(messageId, chosen[0], sesId, ct).ConfigureAwait(false))
                {
                    var found = await outbox.FindAsync(messageId, ct).ConfigureAwait(false);
                    throw new CliUsageException(found is null
                        ? $"ID: no message {messageId} is queued."
                        : $"ID: message {messageId} is {Name(found.State)}, not in doubt; only an in-doubt message is resolved.");
                }

                var state = (await outbox.FindAsync(messageId, ct).ConfigureAwait(false))?.State;
                ctx.Print(
                    () => JsonOutput.Object(w =>
                    {
                        w.WriteString("Id", messageId);
                        w.WriteString("State", state is { } s ? Name(s) : null);
                    }),
                    () => $"message {messageId} is now {(state is { } s ? Name(s) : "resolved")}.{Environment.NewLine}");
                return ExitCodes.Success;
            }).ConfigureAwait(false);
        });
        return command;
    }

    private static string Name(QueueState state) => state == QueueState.InDoubt ? "in_doubt" : state.ToString().ToLowerInvariant();

    private static int Positive(int value, string name) =>
        value >= 1 ? value : throw new CliUsageException($"{name} must be at least 1; it is {value}.");

    private static TimeSpan Seconds(double value, string name) =>
        value > 0 && double.IsFinite(value) ? TimeSpan.FromSeconds(value) : throw new CliUsageException($"{name} must be a positive number of seconds; it is {value}.");

    /// <summary>The options every queue command shares, and the outbox they describe.</summary>
    private sealed class QueueOptions(Option<string?> postgres, Option<string> schema, TextWriter error)
    {
        public TextWriter Error { get; } = error;

        public string Schema(ParseResult parse) => parse.GetValue(schema) ?? PostgresQueueOptions.DefaultSchema;

        /// <summary>Runs <paramref name="action"/> with the outbox; a database error exits 1 with its message, never the password.</summary>
        public async Task<int> WithOutboxAsync(ParseResult parse, Func<PostgresOutbox, string, Task<int>> action)
        {
            var given = parse.GetValue(postgres);
            if (PostgresConnection.HasPassword(given))
            {
                await Error.WriteLineAsync($"warning: --postgres holds a password, which other users of this machine can read in the process list; use PGPASSWORD, PGPASSFILE or {PostgresConnection.Variable}.").ConfigureAwait(false);
            }

            var builder = PostgresConnection.Resolve(given, Environment.GetEnvironmentVariable);
            var described = PostgresConnection.Describe(builder);
            PostgresOutbox outbox;
            try
            {
                outbox = new PostgresOutbox(NpgsqlDataSource.Create(builder), new PostgresQueueOptions { Schema = Schema(parse) });
            }
            catch (ArgumentException e)
            {
                throw new CliUsageException($"--schema: {e.Message}", e);
            }

            await using var dataSource = outbox.DataSource;
            try
            {
                return await action(outbox, described).ConfigureAwait(false);
            }
            catch (NpgsqlException e)
            {
                // The same explanation a worker gives (SQLSTATE, what to do: `queue migrate` for missing tables, the
                // login for 28xxx), so `status`, `migrate` and `resolve` say what to do too.
                await Error.WriteLineAsync($"error: PostgreSQL ({described}): {DatabaseErrors.Explain(e, Schema(parse))}").ConfigureAwait(false);
                return ExitCodes.SesError;
            }
        }
    }

    /// <summary>Ctrl+C and SIGTERM cancel the worker once (a clean stop); a second Ctrl+C ends the process at once.</summary>
    private sealed class StopSignals : IDisposable
    {
        private readonly CancellationTokenSource _stop;
        private readonly PosixSignalRegistration? _term;

        private StopSignals(CancellationTokenSource stop)
        {
            _stop = stop;
            Console.CancelKeyPress += OnCancel;
            _term = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                Cancel();
            });
        }

        public static StopSignals Register(CancellationTokenSource stop) => new(stop);

        public void Dispose()
        {
            Console.CancelKeyPress -= OnCancel;
            _term?.Dispose();
        }

        private void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            if (!_stop.IsCancellationRequested)
            {
                e.Cancel = true;
                Cancel();
            }
        }

        private void Cancel()
        {
            try
            {
                _stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
