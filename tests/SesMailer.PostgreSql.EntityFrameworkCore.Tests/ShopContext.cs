using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace SesMailer.PostgreSql.EntityFrameworkCore.Tests;

/// <summary>An application's own data: orders, saved in the same transaction as the email they cause.</summary>
public sealed class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
{
    public DbSet<Order> Orders => Set<Order>();

    public static ShopContext Create(string connectionString, Func<ExecutionStrategyDependencies, IExecutionStrategy>? strategy = null)
    {
        var builder = new DbContextOptionsBuilder<ShopContext>().UseNpgsql(connectionString, o =>
        {
            if (strategy is not null)
            {
                o.ExecutionStrategy(strategy);
            }
        });
        return new ShopContext(builder.Options);
    }
}

public sealed class Order
{
    public int Id { get; set; }

    public required string Customer { get; set; }
}

/// <summary>The thrown exception the retrying strategy treats as transient: a commit whose acknowledgement was lost.</summary>
public sealed class LostAcknowledgementException() : Exception("the commit's acknowledgement was lost");

/// <summary>Npgsql's retrying strategy, which also retries on <see cref="LostAcknowledgementException"/>, with no delay.</summary>
public sealed class RetryingStrategy(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.FromMilliseconds(10), errorCodesToAdd: null)
{
    public int Attempts { get; private set; }

    protected override void OnRetry()
    {
        Attempts++;
        base.OnRetry();
    }

    protected override bool ShouldRetryOn(Exception? exception) => exception is LostAcknowledgementException || base.ShouldRetryOn(exception);
}
