using System.Diagnostics.CodeAnalysis;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SesMailer.Mailing;
using SesMailer.Ses;
using SesMailer.Sending;
using SesMailer.Transport;

namespace SesMailer.Configuration;

/// <summary>
/// The one way to configure SesMailer in code: defaults, transport, interceptors, observers, logging, clock and
/// telemetry. <c>services.AddSesMailer(...)</c> hands it out in an application, and <see cref="Mailer.Create"/> in a
/// console app or a script (over a service collection of its own), so both offer the same settings with the same
/// meaning. Code settings are applied after the configuration section, so they win.
/// </summary>
public sealed class MailerBuilder
{
    internal MailerBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection SesMailer is registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Changes any setting of the one options tree (<see cref="MailerOptions"/>).</summary>
    public MailerBuilder Configure(Action<MailerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }

    /// <summary>Sets the default sender, written <c>ann@example.com</c> or <c>Ann &lt;ann@example.com&gt;</c>.</summary>
    public MailerBuilder DefaultFrom(string mailbox) => Configure(o => o.From = mailbox);

    /// <summary>The culture emails render in when a send names none (<see cref="MailerOptions.Culture"/>): <c>DefaultCulture("fr-FR")</c>.</summary>
    public MailerBuilder DefaultCulture(string culture) => Configure(o => o.Culture = culture);

    /// <summary>Sends every message to <paramref name="mailbox"/> instead of its recipients (staging).</summary>
    public MailerBuilder RedirectAllTo(string mailbox) => Configure(o => o.RedirectTo = mailbox);

    /// <summary>Writes messages as <c>.eml</c> files into <paramref name="folder"/> (the configured one, else <c>./outbox</c>, when <see langword="null"/>).</summary>
    public MailerBuilder UseOutbox(string? folder = null) => Configure(o =>
    {
        o.Transport = TransportKind.Outbox;
        if (folder is not null)
        {
            o.Outbox.Folder = folder;
        }
    });

    /// <summary>Keeps messages in memory (for tests): in <paramref name="transport"/>, or in the container's <see cref="InMemoryTransport"/>.</summary>
    public MailerBuilder UseInMemory(InMemoryTransport? transport = null)
    {
        if (transport is not null)
        {
            Services.RemoveAll<InMemoryTransport>();
            Services.AddSingleton(transport);
        }

        return Configure(o => o.Transport = TransportKind.InMemory);
    }

    /// <summary>
    /// Sends through Amazon SES. Settings from the configuration section (<c>Ses:Region</c>, <c>Ses:Profile</c>,
    /// <c>Ses:Endpoint</c>…) apply first; <paramref name="configure"/> can then change any of them. Credentials come
    /// from the AWS chain unless <paramref name="credentials"/> are given (see <see cref="SesCredentials.FromAccessKey"/>).
    /// Connections come from <c>IHttpClientFactory</c> (the named client <see cref="SesMailerServiceCollectionExtensions.SesHttpClientName"/>).
    /// </summary>
    public MailerBuilder UseSes(Action<SesClientOptions>? configure = null, AWSCredentials? credentials = null)
    {
        if (credentials is not null)
        {
            Services.RemoveAll<SesClientCredentials>();
            Services.AddSingleton(new SesClientCredentials(credentials));
        }

        return Configure(o =>
        {
            o.Transport = TransportKind.Ses;
            configure?.Invoke(o.Ses);
        });
    }

    /// <summary>
    /// Sends through Amazon SES with <paramref name="client"/> (which the caller owns and disposes); the <c>Ses</c>
    /// settings are not used, since the client already holds its own. Sends are paced by the container's
    /// <see cref="ISendRateBudget"/> (the <c>Sending</c> settings, else the client's GetSendQuota).
    /// </summary>
    public MailerBuilder UseSes(ISesClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        Services.RemoveAll<ISesClient>();
        Services.AddSingleton(client);
        Services.RemoveAll<IEmailTransport>();
        Services.AddSingleton<IEmailTransport>(sp => new SesTransport(client, sp.GetRequiredService<ISendRateBudget>()));
        return this;
    }

    /// <summary>
    /// Paces SES sends with <paramref name="budget"/> instead of the in-process <see cref="SendRateLimiter"/> (for
    /// example a rate budget shared by several processes).
    /// </summary>
    public MailerBuilder UseSendRateBudget(ISendRateBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        Services.RemoveAll<ISendRateBudget>();
        Services.AddSingleton(budget);
        return this;
    }

    /// <summary>Hands messages to <paramref name="transport"/>, whatever the <c>Transport</c> setting says.</summary>
    public MailerBuilder UseTransport(IEmailTransport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        Services.RemoveAll<IEmailTransport>();
        Services.AddSingleton(transport);
        return this;
    }

    /// <summary>Hands messages to a transport of your own, resolved from the container.</summary>
    public MailerBuilder UseTransport<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TTransport>()
        where TTransport : class, IEmailTransport
    {
        Services.RemoveAll<IEmailTransport>();
        Services.AddSingleton<IEmailTransport, TTransport>();
        return this;
    }

    /// <summary>Adds an interceptor (a singleton), run before each send in the order added.</summary>
    public MailerBuilder AddInterceptor<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TInterceptor>()
        where TInterceptor : class, IEmailInterceptor
    {
        Services.AddSingleton<IEmailInterceptor, TInterceptor>();
        return this;
    }

    /// <summary>Adds an interceptor instance, run before each send in the order added.</summary>
    public MailerBuilder AddInterceptor(IEmailInterceptor interceptor)
    {
        ArgumentNullException.ThrowIfNull(interceptor);
        Services.AddSingleton(interceptor);
        return this;
    }

    /// <summary>Adds an observer (a singleton), told about each send once it is over.</summary>
    public MailerBuilder AddObserver<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TObserver>()
        where TObserver : class, IEmailObserver
    {
        Services.AddSingleton<IEmailObserver, TObserver>();
        return this;
    }

    /// <summary>Adds an observer instance, told about each send once it is over.</summary>
    public MailerBuilder AddObserver(IEmailObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        Services.AddSingleton(observer);
        return this;
    }

    /// <summary>Logs through <paramref name="loggerFactory"/> (an application's host already provides one).</summary>
    public MailerBuilder UseLoggerFactory(ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        Services.RemoveAll<ILoggerFactory>();
        Services.AddSingleton(loggerFactory);
        return this;
    }

    /// <summary>Uses <paramref name="timeProvider"/> as the clock (dates, durations, retry delays).</summary>
    public MailerBuilder UseTimeProvider(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        Services.RemoveAll<TimeProvider>();
        Services.AddSingleton(timeProvider);
        return this;
    }

    /// <summary>Records metrics on <paramref name="telemetry"/>.</summary>
    public MailerBuilder UseTelemetry(MailerTelemetry telemetry)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        Services.RemoveAll<MailerTelemetry>();
        Services.AddSingleton(telemetry);
        return this;
    }
}

/// <summary>Credentials given in code to <see cref="MailerBuilder.UseSes(Action{SesClientOptions}?, AWSCredentials?)"/>, kept apart from the bound settings.</summary>
internal sealed record SesClientCredentials(AWSCredentials Credentials);
