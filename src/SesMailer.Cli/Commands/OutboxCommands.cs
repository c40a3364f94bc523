using System.CommandLine;
using SesMailer.Cli.Output;
using SesMailer.Configuration;
using SesMailer.Mailing;
using SesMailer.Outbox;
using SesMailer.Sending;

namespace SesMailer.Cli.Commands;

/// <summary>send-outbox: sends the folder outbox the library writes, as a durable queue (see <see cref="OutboxSender"/>).</summary>
internal static class OutboxCommands
{
    public static IEnumerable<Command> Create(Func<ParseResult, CommandContext> context)
    {
        var folder = new Argument<DirectoryInfo>("DIR") { Description = "The outbox folder (the .eml files and their envelopes that SesMailer wrote, or .eml files of another tool)." };
        var concurrency = new Option<int>("--concurrency")
        {
            Description = "How many messages are in flight at once (the account's send rate still paces them).",
            DefaultValueFactory = _ => new OutboxSenderOptions().MaxConcurrency,
        };
        var maxSendRate = new Option<double?>("--max-send-rate")
        {
            Description = "The account's sending rate in recipients per second (SES MaxSendRate); by default SES's GetSendQuota is asked. " +
                "Give it when the credentials may not call GetSendQuota, or to send slower than the account allows.",
        };
        var command = new Command(
            "send-outbox",
            "Send every message of an outbox folder through SES: each is moved to sending/, then to sent/, failed/ or in-doubt/ " +
            "(messages never attempted stay queued). Safe to kill and run again: nothing is sent twice except what is reported in doubt. " +
            "Exit codes: 0 all sent, 1 some failed, were rejected or are still queued, 2 bad usage (or the folder is in use), 3 some in doubt.")
        {
            folder, concurrency, maxSendRate,
        };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            var directory = parse.GetValue(folder)!;
            var inFlight = parse.GetValue(concurrency);
            if (inFlight < 1)
            {
                throw new CliUsageException($"--concurrency must be at least 1; it is {inFlight}.");
            }

            if (!directory.Exists)
            {
                throw new CliUsageException($"DIR: the folder {directory.FullName} does not exist.");
            }

            // Every move is flushed to disk (fsync), a blocking call that holds a pool thread: with the default minimum
            // (one thread per core) the workers would starve the loop that prints outcomes, which then lags far
            // behind what was sent. This process is ours, so it gets a thread for each worker and a few more.
            ThreadPool.GetMinThreads(out var workerThreads, out var ioThreads);
            ThreadPool.SetMinThreads(Math.Max(workerThreads, inFlight + 4), ioThreads);
            var error = parse.InvocationConfiguration.Error ?? TextWriter.Null;
            var rate = parse.GetValue(maxSendRate);
            if (rate is { } r && !(r > 0 && double.IsFinite(r)))
            {
                throw new CliUsageException($"--max-send-rate must be a positive number of recipients per second; it is {r}.");
            }

            using var mailer = CreateMailer(ctx, rate);
            var sender = new OutboxSender(mailer, new OutboxSenderOptions { MaxConcurrency = inFlight });
            return await RunAsync(ctx, error, sender, directory.FullName, ct).ConfigureAwait(false);
        });
        yield return command;
    }

    /// <summary>
    /// The mailer whose transport sends the folder: SES through the client the global options describe, built by the
    /// same builder an application uses, so its pacing and retries apply to every message.
    /// </summary>
    private static Mailer CreateMailer(CommandContext ctx, double? maxSendRate)
    {
        try
        {
            return Mailer.Create(m => m.UseSes(ctx.Client).Configure(o => o.Sending.MaxSendRate = maxSendRate));
        }
        catch (MailerConfigurationException e)
        {
            throw new CliUsageException(e.Message, e);
        }
    }

    private static async Task<int> RunAsync(CommandContext ctx, TextWriter error, OutboxSender sender, string folder, CancellationToken ct)
    {
        // Ctrl+C stops the run promptly but cleanly: nothing new is claimed and what is in flight is recorded. A second
        // Ctrl+C ends the process at once (what is in flight is then found in sending/ by the next run, in doubt).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            if (!stop.IsCancellationRequested)
            {
                e.Cancel = true;
                stop.Cancel();
            }
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var terminal = ReferenceEquals(ctx.Out, Console.Out) && !Console.IsOutputRedirected;
            var progress = new OutboxProgress(ctx.Out, terminal, ctx.Format, OutboxSender.CountQueued(folder));
            var summary = new OutboxSummary();
            try
            {
                await foreach (var outcome in sender.SendAsync(folder, stop.Token).ConfigureAwait(false))
                {
                    summary.Add(outcome);
                    progress.Report(outcome);
                }
            }
            catch (OutboxLockedException e)
            {
                throw new CliUsageException(e.Message, e);
            }
            finally
            {
                progress.Finish();
            }

            summary.LeftQueued = OutboxSender.CountQueued(folder);
            summary.Print(ctx, error, progress.Rate);
            return summary.ExitCode;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}

/// <summary>The counts of a send-outbox run, its in-doubt messages, and the exit code they make.</summary>
internal sealed class OutboxSummary
{
    private readonly List<OutboxOutcome> _inDoubt = [];
    private int _sent;
    private int _failed;
    private int _rejected;
    private int _notAttempted;

    public int LeftQueued { get; set; }

    public void Add(OutboxOutcome outcome)
    {
        switch (outcome.Outcome.Kind)
        {
            case SendOutcomeKind.Sent:
                _sent++;
                break;
            case SendOutcomeKind.InDoubt:
                _inDoubt.Add(outcome);
                break;
            case SendOutcomeKind.Rejected:
                _rejected++;
                break;
            case SendOutcomeKind.NotAttempted:
                _notAttempted++;
                break;
            default:
                _failed++;
                break;
        }
    }

    /// <summary>3 when any is in doubt (a person must look before anything is resent), else 1 when any is not sent, else 0.</summary>
    public int ExitCode =>
        _inDoubt.Count > 0 ? ExitCodes.InDoubt
        : _failed + _rejected > 0 || LeftQueued > 0 ? ExitCodes.SesError
        : ExitCodes.Success;

    public void Print(CommandContext ctx, TextWriter error, double rate)
    {
        ctx.Print(
            () => JsonOutput.Object(w =>
            {
                w.WriteNumber("Sent", _sent);
                w.WriteNumber("Failed", _failed);
                w.WriteNumber("Rejected", _rejected);
                w.WriteNumber("InDoubt", _inDoubt.Count);
                w.WriteNumber("Queued", LeftQueued);
                w.WriteStartArray("InDoubtIds");
                foreach (var o in _inDoubt)
                {
                    w.WriteStringValue(o.Outcome.Id);
                }

                w.WriteEndArray();
            }),
            () => string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{_sent} sent, {_failed} failed, {_rejected} rejected, {_inDoubt.Count} in doubt, {LeftQueued} still queued ({rate:0.0} messages per second).{Environment.NewLine}"));
        if (_notAttempted > 0)
        {
            error.WriteLine($"stopped early: {_notAttempted} message(s) were not attempted and stay queued with the rest; run send-outbox again later.");
        }

        foreach (var o in _inDoubt)
        {
            // Named by stable id, which SES event data carries as the sesmailer-id tag: look there before sending again.
            error.WriteLine($"in doubt: message {o.Outcome.Id ?? "(no id)"}: {o.Outcome.Code}: {o.Outcome.Message} ({o.Path})");
        }
    }
}
