using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SesMailer.Mailing;
using SesMailer.Ses;
using SesMailer.Transport;

namespace SesMailer.DependencyInjection;

/// <summary>
/// Configures SesMailer in code after <c>services.AddSesMailer(...)</c>: defaults, transport, interceptors and
/// observers. Code settings are applied after the configuration section, so they win.
/// </summary>
public sealed class SesMailerBuilder
{
    internal SesMailerBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection SesMailer is registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Changes the defaults (sender, Reply-To, configuration set, tags, per-email defaults).</summary>
    public SesMailerBuilder Configure(Action<MailerOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }

    /// <summary>Sets the default sender, written <c>ann@example.com</c> or <c>Ann &lt;ann@example.com&gt;</c>.</summary>
    public SesMailerBuilder DefaultFrom(string mailbox) => Configure(o => o.From = mailbox);

    /// <summary>Sends every message to <paramref name="mailbox"/> instead of its recipients (staging).</summary>
    public SesMailerBuilder RedirectAllTo(string mailbox) => Configure(o => o.RedirectTo = mailbox);

    /// <summary>Writes messages as <c>.eml</c> files into <paramref name="folder"/>.</summary>
    public SesMailerBuilder UseOutbox(string? folder = null)
    {
        Services.Configure<TransportOptions>(o =>
        {
            o.Kind = TransportKind.Outbox;
            if (folder is not null)
            {
                o.Outbox.Folder = folder;
            }
        });
        return this;
    }

    /// <summary>Keeps messages in memory; resolve <see cref="InMemoryTransport"/> to inspect them.</summary>
    public SesMailerBuilder UseInMemoryTransport()
    {
        Services.Configure<TransportOptions>(o => o.Kind = TransportKind.InMemory);
        return this;
    }

    /// <summary>
    /// Sends through Amazon SES. Settings from the configuration section (<c>Ses:Region</c>, <c>Ses:Profile</c>,
    /// <c>Ses:Endpoint</c>) apply first; <paramref name="configure"/> can then set anything, including credentials.
    /// Connections come from <c>IHttpClientFactory</c> (the named client <see cref="SesMailerServiceCollectionExtensions.SesHttpClientName"/>).
    /// </summary>
    public SesMailerBuilder UseSes(Action<SesClientOptions>? configure = null)
    {
        Services.Configure<TransportOptions>(o => o.Kind = TransportKind.Ses);
        if (configure is not null)
        {
            Services.Configure(configure);
        }

        return this;
    }

    /// <summary>Hands messages to a transport of your own, resolved from the container.</summary>
    public SesMailerBuilder UseTransport<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TTransport>()
        where TTransport : class, IEmailTransport
    {
        Services.RemoveAll<IEmailTransport>();
        Services.AddSingleton<IEmailTransport, TTransport>();
        return this;
    }

    /// <summary>Adds an interceptor (a singleton), run before each send in the order added.</summary>
    public SesMailerBuilder AddInterceptor<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TInterceptor>()
        where TInterceptor : class, IEmailInterceptor
    {
        Services.AddSingleton<IEmailInterceptor, TInterceptor>();
        return this;
    }

    /// <summary>Adds an interceptor instance.</summary>
    public SesMailerBuilder AddInterceptor(IEmailInterceptor interceptor)
    {
        Services.AddSingleton(interceptor);
        return this;
    }

    /// <summary>Adds an observer (a singleton), told about each send once it is over.</summary>
    public SesMailerBuilder AddObserver<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TObserver>()
        where TObserver : class, IEmailObserver
    {
        Services.AddSingleton<IEmailObserver, TObserver>();
        return this;
    }

    /// <summary>Adds an observer instance.</summary>
    public SesMailerBuilder AddObserver(IEmailObserver observer)
    {
        Services.AddSingleton(observer);
        return this;
    }
}
