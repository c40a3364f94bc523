using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SesMailer;
using SesMailer.Configuration;
using SesMailer.Mailing;
using SesMailer.Ses;
using SesMailer.Sending;
using SesMailer.Transport;

// In the namespace of IServiceCollection, as is the convention, so that AddSesMailer is found without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers SesMailer: <see cref="IMailer"/>, its transport, options, interceptors and observers.</summary>
public static class SesMailerServiceCollectionExtensions
{
    /// <summary>The name of the <c>IHttpClientFactory</c> client that carries SES requests (configure it to add handlers or a proxy).</summary>
    public const string SesHttpClientName = "SesMailer.Ses";

    /// <summary>
    /// Registers SesMailer configured from <paramref name="configuration"/> (usually
    /// <c>configuration.GetSection("SesMailer")</c>), bound into one <see cref="MailerOptions"/> tree. The settings are
    /// validated when the host starts, each bad one named by its path.
    /// </summary>
    /// <example><code>
    /// builder.Services.AddSesMailer(builder.Configuration.GetSection("SesMailer"));
    /// </code></example>
    public static MailerBuilder AddSesMailer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration is IConfigurationSection s ? s.Path : "SesMailer";
        var builder = AddCore(services, section);
        services.Configure<MailerOptions>(configuration);
        return builder;
    }

    /// <summary>Registers SesMailer configured in code.</summary>
    /// <example><code>
    /// services.AddSesMailer(m => m.DefaultFrom("Acme &lt;noreply@acme.example&gt;").UseOutbox("outbox"));
    /// </code></example>
    public static MailerBuilder AddSesMailer(this IServiceCollection services, Action<MailerBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = services.AddSesMailer();
        configure(builder);
        return builder;
    }

    /// <summary>Registers SesMailer with its defaults (the outbox folder, until configured through the returned builder).</summary>
    public static MailerBuilder AddSesMailer(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return AddCore(services, "SesMailer");
    }

    private static MailerBuilder AddCore(IServiceCollection services, string section)
    {
        services.AddOptions<MailerOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailerOptions>, MailerOptionsValidator>(
            sp => new MailerOptionsValidator(section, HostEnvironmentName.Of(sp))));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, TransportStartup>());
        services.TryAddSingleton(sp => new MailerTelemetry(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton<InMemoryTransport>();
        AddSes(services);
        services.TryAddSingleton(CreateTransport);
        services.TryAddSingleton(sp => new Mailer(
            sp.GetRequiredService<IEmailTransport>(),
            sp.GetRequiredService<IOptions<MailerOptions>>().Value,
            sp.GetServices<IEmailInterceptor>(),
            sp.GetServices<IEmailObserver>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger<Mailer>(),
            sp.GetService<TimeProvider>(),
            sp.GetRequiredService<MailerTelemetry>()));
        services.TryAddSingleton<IMailer>(sp => sp.GetRequiredService<Mailer>());
        return new MailerBuilder(services);
    }

    private static void AddSes(IServiceCollection services)
    {
        // Pooled keep-alive connections: one long-lived handler whose connections are recycled every few minutes
        // (so DNS changes are seen), the pattern for clients held by singletons. The client's own attempt timeout
        // (driven by TimeProvider) bounds each request, so HttpClient's is switched off.
        services.AddHttpClient(SesHttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        // One limiter per container (per process in an application): every SES send of the container waits for it.
        services.TryAddSingleton<ISendRateBudget>(provider => new SendRateLimiter(
            provider.GetRequiredService<IOptions<MailerOptions>>().Value.Sending,
            cancellationToken => SesTransport.QuotaOf(provider.GetRequiredService<ISesClient>())(cancellationToken),
            provider.GetService<TimeProvider>(),
            provider.GetService<ILoggerFactory>()?.CreateLogger<SendRateLimiter>()));
        services.TryAddSingleton<ISesClient>(provider =>
        {
            return new SesClient(
                provider.GetRequiredService<IOptions<MailerOptions>>().Value.Ses,
                provider.GetRequiredService<IHttpClientFactory>().CreateClient(SesHttpClientName),
                provider.GetService<TimeProvider>(),
                provider.GetService<SesClientCredentials>()?.Credentials,
                provider.GetService<ILoggerFactory>()?.CreateLogger<SesClient>());
        });
    }

    private static IEmailTransport CreateTransport(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<MailerOptions>>().Value;
        var choice = TransportChoice.Resolve(options);
        IEmailTransport transport = choice.Kind switch
        {
            TransportKind.InMemory => services.GetRequiredService<InMemoryTransport>(),
            TransportKind.Ses => new SesTransport(services.GetRequiredService<ISesClient>(), services.GetRequiredService<ISendRateBudget>()),
            _ => new FileOutboxTransport(options.Outbox.Folder, services.GetService<TimeProvider>()),
        };
        TransportLog.Chosen(services.GetService<ILoggerFactory>()?.CreateLogger("SesMailer.Transport"), choice, transport);
        return transport;
    }
}
