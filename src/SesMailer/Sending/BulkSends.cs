using System.Runtime.CompilerServices;

namespace SesMailer.Sending;

/// <summary>What every <see cref="IMailer"/> gets for bulk sends when it has no concurrent implementation of its own.</summary>
internal static class BulkSends
{
    public static async IAsyncEnumerable<EmailMessage> ToAsync(IEnumerable<EmailMessage> messages)
    {
        foreach (var message in messages)
        {
            yield return message;
            await Task.CompletedTask.ConfigureAwait(false);
        }
    }

    /// <summary>One message after the other through <see cref="IMailer.SendAsync"/>, one outcome each.</summary>
    public static async IAsyncEnumerable<SendOutcome> SendOneByOneAsync(IMailer mailer, IAsyncEnumerable<EmailMessage> messages, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var index = -1;
        await foreach (var message in messages.ConfigureAwait(false))
        {
            index++;
            var id = message?.Options.Id ??= StableId.New();
            if (message is null || cancellationToken.IsCancellationRequested)
            {
                yield return message is null
                    ? SendOutcome.FromException(index, null, new ArgumentNullException(nameof(messages), $"messages[{index}] is null."))
                    : SendOutcome.NotAttempted(index, id, "Cancelled", "The run was cancelled before this message was sent.");
                continue;
            }

            SendOutcome outcome;
            try
            {
                var result = await mailer.SendAsync(message, cancellationToken).ConfigureAwait(false);
                outcome = result.IsCancelled
                    ? SendOutcome.NotAttempted(index, id, "Intercepted", result.CancellationReason ?? "An interceptor cancelled the send.")
                    : SendOutcome.Sent(index, result.Id ?? id, result.MessageId);
            }
            catch (Exception e)
            {
                outcome = SendOutcome.FromException(index, id, e);
            }

            yield return outcome;
        }
    }
}
