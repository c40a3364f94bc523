using System.Runtime.CompilerServices;
using System.Threading.Channels;
using SesMailer.Sending;

namespace SesMailer.Mailing;

/// <summary>Bulk sends: many messages at the configured concurrency, in the bulk lane of the sending rate.</summary>
public sealed partial class Mailer
{
    /// <inheritdoc />
    public IAsyncEnumerable<SendOutcome> SendBulkAsync(IEnumerable<EmailMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return SendBulkAsync(BulkSends.ToAsync(messages), cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<SendOutcome> SendBulkAsync(IAsyncEnumerable<EmailMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return RunBulkAsync(messages, cancellationToken);
    }

    private async IAsyncEnumerable<SendOutcome> RunBulkAsync(IAsyncEnumerable<EmailMessage> messages, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var outcomes = Channel.CreateUnbounded<SendOutcome>(new UnboundedChannelOptions { SingleReader = true });
        // Cancelled by the caller, or by a caller that stopped reading the outcomes before the end.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var run = new BulkRun(this, outcomes.Writer, _maxConcurrency, stop.Token);
        var producer = run.RunAsync(messages);
        try
        {
            // Read to the end even after a cancellation: every message gets its outcome.
            await foreach (var outcome in outcomes.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                yield return outcome;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }
    }

    /// <summary>One run of <see cref="SendBulkAsync(IAsyncEnumerable{EmailMessage}, CancellationToken)"/>.</summary>
    private sealed class BulkRun(Mailer mailer, ChannelWriter<SendOutcome> outcomes, int maxConcurrency, CancellationToken stop) : IDisposable
    {
        private readonly SemaphoreSlim _slots = new(maxConcurrency, maxConcurrency);
        private (string Code, string Message)? _halt;

        public void Dispose() => _slots.Dispose();

        public async Task RunAsync(IAsyncEnumerable<EmailMessage> messages)
        {
            Exception? sourceError = null;
            var index = -1;
            try
            {
                // The source is read to its end without the token, so that every message is reported even after a stop.
                await foreach (var message in messages.ConfigureAwait(false))
                {
                    index++;
                    if (message is null)
                    {
                        Write(SendOutcome.FromException(index, null, new ArgumentNullException(nameof(messages), $"messages[{index}] is null.")));
                        continue;
                    }

                    // The id is fixed before anything else, so that whatever becomes of the message names it.
                    var working = message.With(message.Options.Clone());
                    working.Options.Id ??= StableId.New();
                    var id = working.Options.Id;
                    if (Halted() is { } halt)
                    {
                        Write(SendOutcome.NotAttempted(index, id, halt.Code, halt.Message));
                        continue;
                    }

                    try
                    {
                        await _slots.WaitAsync(stop).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        Write(SendOutcome.NotAttempted(index, id, "Cancelled", CancelledMessage));
                        continue;
                    }

                    if (Halted() is { } late)
                    {
                        _slots.Release();
                        Write(SendOutcome.NotAttempted(index, id, late.Code, late.Message));
                        continue;
                    }

                    _ = SendAsync(index, working, id);
                }
            }
            catch (Exception e)
            {
                sourceError = e;
            }

            // Every slot back means every send of the run has written its outcome.
            for (var i = 0; i < maxConcurrency; i++)
            {
                await _slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            }

            outcomes.TryComplete(sourceError);
        }

        private const string CancelledMessage = "The run was cancelled before this message was sent.";

        private (string Code, string Message)? Halted()
        {
            if (stop.IsCancellationRequested)
            {
                return ("Cancelled", CancelledMessage);
            }

            lock (_slots)
            {
                return _halt;
            }
        }

        private async Task SendAsync(int index, EmailMessage message, string id)
        {
            try
            {
                var result = await mailer.SendAsync(message, SendLane.Bulk, stop).ConfigureAwait(false);
                if (result.IsCancelled)
                {
                    Write(SendOutcome.NotAttempted(index, id, "Intercepted", result.CancellationReason ?? "An interceptor cancelled the send."));
                    return;
                }

                for (var i = 0; i < result.MessageIds.Count; i++)
                {
                    Write(SendOutcome.Sent(index, result.Ids.Count > i ? result.Ids[i] : id, result.MessageIds[i]));
                }
            }
            catch (PartiallySentException partial)
            {
                // One outcome per copy: the sent ones, the one that failed, and those never tried after it.
                var sent = partial.SentMessageIds.Count;
                for (var i = 0; i < partial.CopyIds.Count; i++)
                {
                    var copyId = partial.CopyIds[i];
                    Write(i < sent ? SendOutcome.Sent(index, copyId, partial.SentMessageIds[i])
                        : i == sent ? Classify(index, copyId, partial.InnerException!)
                        : SendOutcome.NotAttempted(index, copyId, "EarlierCopyFailed", $"The copy {partial.CopyIds[sent]} failed, so the later copies of this message were not sent."));
                }
            }
            catch (Exception e)
            {
                Write(Classify(index, id, e));
            }
            finally
            {
                _slots.Release();
            }
        }

        private SendOutcome Classify(int index, string id, Exception e)
        {
            var outcome = SendOutcome.FromException(index, id, e);
            if (outcome is { Kind: SendOutcomeKind.NotAttempted, Code: "DailyQuota" or "CircuitOpen" } && outcome.Code is { } code)
            {
                // Nothing more will be accepted for a while: the rest of the run is reported, not tried.
                lock (_slots)
                {
                    _halt ??= (code, code == "DailyQuota"
                        ? "The account's 24-hour sending quota ran out during the run; this message was not sent."
                        : "SES calls were paused after repeated server errors (circuit breaker); this message was not sent.");
                }
            }

            return outcome;
        }

        private void Write(SendOutcome outcome) => outcomes.TryWrite(outcome);
    }
}
