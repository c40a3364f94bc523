using System.Runtime.CompilerServices;
using System.Threading.Channels;
using SesMailer.Mailing;
using SesMailer.Sending;
using SesMailer.Transport;

namespace SesMailer.Outbox;

/// <summary>
/// Sends every message of an outbox folder (the one <see cref="FileOutboxTransport"/> writes) through a transport,
/// as a durable queue: each message is moved into <c>sending/</c> before it is sent and into <c>sent/</c>,
/// <c>failed/</c> or <c>in-doubt/</c> once the transport answers, every move flushed to disk. A message found in
/// <c>sending/</c> when a run starts was being sent when a run died: it goes to <c>in-doubt/</c>, never resent. So
/// a run killed at any point and started again sends nothing twice, except what it reports in doubt.
/// </summary>
/// <remarks>
/// Messages are sent through the transport given (for a <see cref="Mailer"/>, the one it was built with, so the
/// account's pacing applies), at most <see cref="OutboxSenderOptions.MaxConcurrency"/> at once. A message the
/// transport never attempted (the run was cancelled, the daily quota ran out, the circuit breaker was open) goes
/// back into the queue and stops the run: the rest stay queued for the next one.
/// </remarks>
public sealed class OutboxSender
{
    /// <summary>The sub-folder of messages being sent.</summary>
    public const string SendingFolderName = "sending";

    /// <summary>The sub-folder of messages SES accepted; each envelope records the SES message id.</summary>
    public const string SentFolderName = "sent";

    /// <summary>The sub-folder of messages rejected or failed after retries; each envelope records the reason.</summary>
    public const string FailedFolderName = "failed";

    /// <summary>The sub-folder of messages that may or may not have been delivered: a person decides, nothing resends them.</summary>
    public const string InDoubtFolderName = "in-doubt";

    private readonly IEmailTransport _transport;
    private readonly int _concurrency;
    private readonly TimeProvider _time;

    /// <summary>Creates a sender that sends through <paramref name="transport"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="OutboxSenderOptions.MaxConcurrency"/> is less than 1.</exception>
    public OutboxSender(IEmailTransport transport, OutboxSenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        options ??= new OutboxSenderOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrency, 1, "OutboxSenderOptions.MaxConcurrency");
        if (transport is FileOutboxTransport)
        {
            // Sending an outbox into an outbox would only copy files: say so rather than report them as sent.
            throw new ArgumentException("The transport writes to an outbox folder; sending an outbox needs a transport that delivers (SES).", nameof(transport));
        }

        _transport = transport;
        _concurrency = options.MaxConcurrency;
        _time = options.TimeProvider ?? TimeProvider.System;
    }

    /// <summary>Creates a sender that sends through the transport <paramref name="mailer"/> was built with (its pacing included).</summary>
    /// <exception cref="ArgumentException">The mailer writes to an outbox folder rather than delivering.</exception>
    public OutboxSender(Mailer mailer, OutboxSenderOptions? options = null)
        : this((mailer ?? throw new ArgumentNullException(nameof(mailer))).Transport, options)
    {
    }

    /// <summary>How many messages wait in <paramref name="folder"/> (its <c>.eml</c> files, not those of its sub-folders).</summary>
    public static int CountQueued(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return OutboxFolder.Messages(Path.GetFullPath(folder)).Count;
    }

    /// <summary>
    /// Sends every message of <paramref name="folder"/>, streaming one outcome per message as it is known: first the
    /// messages a killed run left in <c>sending/</c> (in doubt), then each queued message. The folder is locked for
    /// the whole run.
    /// </summary>
    /// <param name="folder">The outbox folder.</param>
    /// <param name="cancellationToken">Stops the run promptly: nothing new is claimed, sends in flight end (in doubt once their body left), and their outcomes are still streamed.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="OutboxLockedException">Another run is sending from the folder.</exception>
    public async IAsyncEnumerable<OutboxOutcome> SendAsync(string folder, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var outbox = new OutboxFolder(folder);
        if (!Directory.Exists(outbox.Root))
        {
            throw new DirectoryNotFoundException($"The outbox folder {outbox.Root} does not exist.");
        }

        using var folderLock = OutboxLock.Take(outbox.Root);
        outbox.CreateAll();
        var index = 0;
        foreach (var interrupted in OutboxFolder.Messages(outbox.Sending))
        {
            yield return await RecoverAsync(outbox, interrupted, index++).ConfigureAwait(false);
        }

        var run = new Run(this, outbox, OutboxFolder.Messages(outbox.Root), index, cancellationToken);
        var workers = run.Start(_concurrency);
        try
        {
            await foreach (var outcome in run.Outcomes.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                yield return outcome;
            }
        }
        finally
        {
            // Reached early when the caller stops reading: stop claiming, let the sends in flight finish their moves, and
            // take their outcomes off the channel so that no worker waits to hand one over.
            run.Stop();
            await foreach (var _ in run.Outcomes.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
            }

            await workers.ConfigureAwait(false);
        }
    }

    private async Task<OutboxOutcome> RecoverAsync(OutboxFolder outbox, string eml, int index)
    {
        OutboxEnvelope? envelope = null;
        try
        {
            envelope = outbox.FindEnvelope(eml);
        }
        catch (FormatException)
        {
            // It goes to in-doubt all the same; a person reads it there.
        }

        const string reason = "A run that was sending it stopped (killed or crashed) before SES answered: SES may have accepted it.";
        var result = new OutboxResult(SendOutcomeKind.InDoubt, _time.GetUtcNow(), null, "Interrupted", reason);
        var path = await OutboxFolder.MoveAsync(eml, outbox.InDoubt, envelope is null ? null : envelope with { Result = result }).ConfigureAwait(false);
        return new OutboxOutcome(new SendOutcome(index, envelope?.Id, SendOutcomeKind.InDoubt) { Code = "Interrupted", Message = reason }, path);
    }

    /// <summary>One run over a snapshot of the queue: workers claim messages in order until it is empty or the run stops.</summary>
    private sealed class Run(OutboxSender sender, OutboxFolder outbox, IReadOnlyList<string> queue, int firstIndex, CancellationToken cancellationToken)
    {
        private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        private int _next = -1;
        private int _index = firstIndex - 1;

        // One outcome at a time: a worker hands its outcome over before it claims the next message, so what the caller
        // has been told never lags behind the folder by more than the messages in flight.
        public Channel<OutboxOutcome> Outcomes { get; } = Channel.CreateBounded<OutboxOutcome>(1);

        public Task Start(int workers)
        {
            var all = Enumerable.Range(0, Math.Min(workers, Math.Max(queue.Count, 1))).Select(_ => Task.Run(WorkAsync)).ToArray();
            return Task.WhenAll(all).ContinueWith(
                t =>
                {
                    Outcomes.Writer.TryComplete(t.Exception?.InnerException);
                    _stop.Dispose();
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        public void Stop()
        {
            try
            {
                _stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The run is already over.
            }
        }

        private async Task WorkAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                var next = Interlocked.Increment(ref _next);
                if (next >= queue.Count)
                {
                    return;
                }

                if (await SendOneAsync(queue[next]).ConfigureAwait(false) is { } outcome)
                {
                    await Outcomes.Writer.WriteAsync(outcome, CancellationToken.None).ConfigureAwait(false);
                    if (outcome.Outcome.Kind == SendOutcomeKind.NotAttempted)
                    {
                        // Cancelled, quota exhausted or the breaker open: whatever comes next would meet the same.
                        Stop();
                    }
                }
            }
        }

        private async Task<OutboxOutcome?> SendOneAsync(string eml)
        {
            if (!File.Exists(eml))
            {
                return null; // Removed by a person since the run listed the folder.
            }

            OutboxEnvelope envelope;
            try
            {
                (eml, envelope) = await EnvelopeOfAsync(eml).ConfigureAwait(false);
            }
            catch (FormatException e)
            {
                // Not sendable as it is (no sender or recipient, not MIME, a damaged envelope): failed/, with the reason beside it.
                var index = Interlocked.Increment(ref _index);
                await WriteReasonAsync(Path.Combine(outbox.Failed, Path.GetFileName(eml)), e.Message).ConfigureAwait(false);
                var moved = await OutboxFolder.MoveAsync(eml, outbox.Failed, null).ConfigureAwait(false);
                return new OutboxOutcome(new SendOutcome(index, null, SendOutcomeKind.Rejected) { Code = "InvalidMessage", Message = e.Message, Exception = e }, moved);
            }

            // The claim: from here until SES answers, a crash leaves the message in sending/, and so in doubt.
            var claimed = await OutboxFolder.MoveAsync(eml, outbox.Sending, null).ConfigureAwait(false);
            var position = Interlocked.Increment(ref _index);
            var mime = await File.ReadAllBytesAsync(claimed, CancellationToken.None).ConfigureAwait(false);
            SendOutcome outcome;
            try
            {
                var result = await sender._transport.SendAsync(ToOutgoing(mime, envelope), _stop.Token).ConfigureAwait(false);
                outcome = SendOutcome.Sent(position, envelope.Id, result.MessageId);
            }
            catch (Exception e)
            {
                outcome = SendOutcome.FromException(position, envelope.Id, e);
            }

            var target = outcome.Kind switch
            {
                SendOutcomeKind.Sent => outbox.Sent,
                SendOutcomeKind.InDoubt => outbox.InDoubt,
                SendOutcomeKind.NotAttempted => outbox.Root,
                _ => outbox.Failed,
            };
            var record = outcome.Kind == SendOutcomeKind.NotAttempted
                ? null // Back in the queue as it was: it was never offered to SES.
                : envelope with { Result = new OutboxResult(outcome.Kind, sender._time.GetUtcNow(), outcome.SesMessageId, outcome.Code, outcome.Message) };
            var path = await OutboxFolder.MoveAsync(claimed, target, record).ConfigureAwait(false);
            return new OutboxOutcome(outcome, path);
        }

        /// <summary>
        /// The message's envelope; an <c>.eml</c> of another tool gets one made from its headers, written (with its new
        /// id) and given a unique name before it is claimed, so a later run sees the same id.
        /// </summary>
        private async Task<(string Eml, OutboxEnvelope Envelope)> EnvelopeOfAsync(string eml)
        {
            if (outbox.FindEnvelope(eml) is { } envelope)
            {
                return (eml, envelope);
            }

            var made = ForeignMessage.EnvelopeOf(await File.ReadAllBytesAsync(eml, CancellationToken.None).ConfigureAwait(false), eml);
            // A unique name: another tool may write the same name again after this one has been sent.
            var renamed = Path.Combine(outbox.Root, $"{Path.GetFileNameWithoutExtension(eml)}-{StableId.New()}{OutboxFolder.EmlExtension}");
            await OutboxFolder.WriteEnvelopeAsync(renamed, made, CancellationToken.None).ConfigureAwait(false);
            DurableFile.Rename(eml, renamed);
            return (renamed, made);
        }

        private static OutgoingEmail ToOutgoing(byte[] mime, OutboxEnvelope envelope) => new()
        {
            Mime = mime,
            From = envelope.From,
            Destinations = envelope.Destinations,
            ConfigurationSet = envelope.ConfigurationSet,
            // The id travels through Id (the transport adds its tag); a copy among the tags would be sent twice.
            Tags = [.. envelope.Tags.Where(t => t.Name != StableId.TagName)],
            Id = envelope.Id,
            EmailName = envelope.EmailName,
        };

        private static async Task WriteReasonAsync(string eml, string reason)
        {
            var path = Path.ChangeExtension(eml, ".reason.txt");
            var temporary = await DurableFile.WriteTemporaryAsync(path, System.Text.Encoding.UTF8.GetBytes(reason + Environment.NewLine), CancellationToken.None).ConfigureAwait(false);
            DurableFile.Rename(temporary, path);
        }
    }
}
