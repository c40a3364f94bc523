using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace SesMailer.PostgreSql.EntityFrameworkCore;

/// <summary>The Npgsql connection and transaction under a <see cref="DbContext"/>'s current EF Core transaction.</summary>
internal static class DbContextTransaction
{
    /// <exception cref="InvalidOperationException">
    /// The context has no current transaction (queuing outside one would commit the email on its own, whatever
    /// SaveChanges does), or its provider is not Npgsql.
    /// </exception>
    public static (NpgsqlConnection Connection, NpgsqlTransaction Transaction) Of(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var current = context.Database.CurrentTransaction
            ?? throw new InvalidOperationException(
                "The DbContext has no current transaction: begin one with context.Database.BeginTransactionAsync() (inside the " +
                "execution strategy's ExecuteAsync when it retries), queue, SaveChanges, then commit. Outside a transaction the " +
                "email would be committed on its own, whether or not your changes are.");
        if (current.GetDbTransaction() is not NpgsqlTransaction transaction || transaction.Connection is not { } connection)
        {
            throw new InvalidOperationException(
                $"The DbContext's transaction is a {current.GetDbTransaction().GetType().Name}, not an Npgsql one: the PostgreSQL queue " +
                "needs a context configured with UseNpgsql on the queue's database.");
        }

        return (connection, transaction);
    }
}
