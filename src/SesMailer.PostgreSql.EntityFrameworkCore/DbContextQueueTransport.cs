using Microsoft.EntityFrameworkCore;
using SesMailer.Transport;

namespace SesMailer.PostgreSql.EntityFrameworkCore;

/// <summary>
/// The transport of a mailer that queues in a <see cref="DbContext"/>'s transaction. The transaction is looked up at
/// each send, not when the transport is made, so one mailer serves every attempt of a retried unit of work.
/// </summary>
internal sealed class DbContextQueueTransport(PostgresOutbox outbox, DbContext context) : IEmailTransport
{
    public async Task<SendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        var result = await outbox.EnqueueAsync(context, email, cancellationToken).ConfigureAwait(false);
        return new SendResult(result.Id) { Id = result.Id, Ids = [result.Id] };
    }
}
