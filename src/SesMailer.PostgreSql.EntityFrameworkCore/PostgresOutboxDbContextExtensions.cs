using Microsoft.EntityFrameworkCore;
using SesMailer.PostgreSql.Queueing;
using SesMailer.Transport;

namespace SesMailer.PostgreSql.EntityFrameworkCore;

/// <summary>
/// Queues emails in an EF Core <see cref="DbContext"/>'s current transaction (the Npgsql provider), so an email
/// exists if and only if the transaction that saves your changes commits:
/// <code>
/// var strategy = db.Database.CreateExecutionStrategy();
/// await strategy.ExecuteAsync(async () =>
/// {
///     await using var tx = await db.Database.BeginTransactionAsync();
///     db.Orders.Add(order);
///     await db.SaveChangesAsync();
///     await outbox.EnqueueAsync(db, email);          // or a mailer over outbox.TransportFor(db)
///     await tx.CommitAsync();
/// });
/// </code>
/// Queuing is idempotent on the stable id: a strategy that retries the whole block stores the email once, provided
/// the id is the same on every attempt (set <c>OutgoingEmail.Id</c> or <c>EmailOptions.Id</c> outside the block).
/// </summary>
public static class PostgresOutboxDbContextExtensions
{
    /// <summary>Queues a composed message in <paramref name="context"/>'s current transaction.</summary>
    /// <param name="outbox">The queue (its schema must be migrated in the context's database).</param>
    /// <param name="context">A context configured with <c>UseNpgsql</c>, with a transaction begun.</param>
    /// <param name="email">The MIME and envelope.</param>
    /// <param name="cancellationToken">Cancels the insert.</param>
    /// <returns>The stable id, and whether this call stored it (false: that id was already queued).</returns>
    /// <exception cref="InvalidOperationException">The context has no current transaction, or is not on Npgsql.</exception>
    /// <exception cref="ArgumentException">The message cannot be sent as it is; the message names the field.</exception>
    public static Task<EnqueueResult> EnqueueAsync(this PostgresOutbox outbox, DbContext context, OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(email);
        var (connection, transaction) = DbContextTransaction.Of(context);
        return outbox.EnqueueAsync(email, connection, transaction, cancellationToken);
    }

    /// <summary>
    /// A transport for a mailer that queues typed emails in <paramref name="context"/>'s current transaction:
    /// <c>new Mailer(outbox.TransportFor(db), mailerOptions)</c>. The transaction is looked up at each send, so the
    /// mailer may be made once, outside a retried block.
    /// </summary>
    public static IEmailTransport TransportFor(this PostgresOutbox outbox, DbContext context)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(context);
        return new DbContextQueueTransport(outbox, context);
    }

    /// <summary>
    /// Until the returned scope is disposed, the application's queuing mailer (<c>UsePostgresQueue()</c>) queues in
    /// <paramref name="context"/>'s current transaction, on this async flow: typed sends join your unit of work.
    /// </summary>
    /// <exception cref="InvalidOperationException">The context has no current transaction, or is not on Npgsql.</exception>
    public static IDisposable Enlist(this PostgresOutbox outbox, DbContext context)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        var (connection, transaction) = DbContextTransaction.Of(context);
        return outbox.Enlist(connection, transaction);
    }
}
