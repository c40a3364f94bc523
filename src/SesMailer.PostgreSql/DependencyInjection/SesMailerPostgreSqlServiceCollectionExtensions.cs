using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using SesMailer.Configuration;
using SesMailer.PostgreSql;
using SesMailer.PostgreSql.Budget;
using SesMailer.PostgreSql.Observability;
using SesMailer.PostgreSql.Workers;
using SesMailer.Ses;
using SesMailer.Transport;

// In the namespace of IServiceCollection, as is the convention, so that AddSesMailerQueue is found without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the PostgreSQL queue and its hosted worker. The health check needs no helper:
/// <c>services.AddHealthChecks().AddCheck&lt;QueueHealthCheck&gt;("sesmailer-queue")</c>.
/// </summary>
public static class SesMailerPostgreSqlServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PostgresOutbox"/> (a singleton over a data source of its own for
    /// <paramref name="connectionString"/>) and the queue's <see cref="QueueMetrics"/>. Queue in your transactions with
    /// it, or make the application's mailer queue with <see cref="UsePostgresQueue"/>.
    /// </summary>
    public static IServiceCollection AddSesMailerQueue(this IServiceCollection services, string connectionString, Action<PostgresQueueOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return services.AddSesMailerQueue(_ => NpgsqlDataSource.Create(connectionString), configure);
    }

    /// <summary>Registers <see cref="PostgresOutbox"/> over the data source <paramref name="dataSource"/> gives (for example the application's).</summary>
    public static IServiceCollection AddSesMailerQueue(this IServiceCollection services, Func<IServiceProvider, NpgsqlDataSource> dataSource, Action<PostgresQueueOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(dataSource);
        services.TryAddSingleton(provider =>
        {
            var options = new PostgresQueueOptions();
            configure?.Invoke(options);
            return new PostgresOutbox(dataSource(provider), options);
        });
        services.TryAddSingleton(provider => new QueueMetrics(provider.GetRequiredService<PostgresOutbox>(), provider.GetService<IMeterFactory>()));
        return services;
    }

    /// <summary>
    /// Makes the application's <c>IMailer</c> queue into PostgreSQL instead of sending: in the transaction enlisted with
    /// <see cref="PostgresOutbox.Enlist"/>, else in a connection of its own. Needs <see cref="AddSesMailerQueue(IServiceCollection, string, Action{PostgresQueueOptions}?)"/>.
    /// </summary>
    public static MailerBuilder UsePostgresQueue(this MailerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAll<IEmailTransport>();
        builder.Services.AddSingleton(provider => provider.GetRequiredService<PostgresOutbox>().Transport);
        return builder;
    }

    /// <summary>
    /// Adds a hosted worker that sends the queue through SES (the <c>ISesClient</c> that <c>AddSesMailer</c> configures),
    /// paced by the <see cref="PostgresSendBudget"/> every worker shares; it also refreshes the queue's gauges and purges
    /// sent rows past their retention. Needs <c>AddSesMailer</c> (with SES settings) and <c>AddSesMailerQueue</c>.
    /// </summary>
    public static IServiceCollection AddSesMailerWorker(this IServiceCollection services, Action<PostgresWorkerOptions>? configure = null, Action<PostgresBudgetOptions>? configureBudget = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(provider =>
        {
            var options = new PostgresBudgetOptions();
            configureBudget?.Invoke(options);
            var client = provider.GetRequiredService<ISesClient>();
            return new PostgresSendBudget(
                provider.GetRequiredService<PostgresOutbox>(),
                options,
                SesTransport.QuotaOf(client),
                provider.GetService<ILoggerFactory>()?.CreateLogger<PostgresSendBudget>());
        });
        services.TryAddSingleton(provider =>
        {
            var options = new PostgresWorkerOptions();
            configure?.Invoke(options);
            var budget = provider.GetRequiredService<PostgresSendBudget>();
            return new PostgresQueueWorker(
                provider.GetRequiredService<PostgresOutbox>(),
                new SesTransport(provider.GetRequiredService<ISesClient>(), budget),
                budget,
                options,
                provider.GetService<ILoggerFactory>()?.CreateLogger<PostgresQueueWorker>(),
                provider.GetRequiredService<QueueMetrics>());
        });
        services.AddHostedService(provider => new PostgresWorkerService(
            provider.GetRequiredService<PostgresQueueWorker>(),
            provider.GetRequiredService<PostgresOutbox>(),
            provider.GetRequiredService<QueueMetrics>(),
            provider.GetService<ILogger<PostgresWorkerService>>()));
        return services;
    }
}
