using SesMailer.Transport;

namespace SesMailer.PostgreSql.Queueing;

/// <summary>
/// The transport of a mailer that queues: each message becomes a queue row, in the given (or enlisted) transaction,
/// or in a connection of its own. The result's message id is the stable id; the SES message id comes later, from the worker.
/// </summary>
internal sealed class PostgresQueueTransport(PostgresOutbox queue, PostgresOutbox.Enlistment? fixedEnlistment) : IEmailTransport
{
    public async Task<SendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var enlistment = fixedEnlistment ?? queue.CurrentEnlistment;
        var result = enlistment is null
            ? await queue.EnqueueAsync(email, cancellationToken).ConfigureAwait(false)
            : await queue.EnqueueAsync(email, enlistment.Connection, enlistment.Transaction, cancellationToken).ConfigureAwait(false);
        return new SendResult(result.Id) { Id = result.Id, Ids = [result.Id] };
    }
}
