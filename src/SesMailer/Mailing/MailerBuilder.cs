using Microsoft.Extensions.Logging;
using SesMailer.Ses;
using SesMailer.Transport;

namespace SesMailer.Mailing;

/// <summary>
/// Builds a <see cref="Mailer"/> without dependency injection (console apps, scripts). Unless told otherwise the
/// mailer writes <c>.eml</c> files to <c>./outbox</c>.
/// </summary>
public sealed class MailerBuilder
{
    private readonly List<IEmailInterceptor> _interceptors = [];
    private readonly List<IEmailObserver> _observers = [];
    private IEmailTransport? _transport;
    private ILoggerFactory? _loggerFactory;
    private TimeProvider? _time;
    private MailerTelemetry? _telemetry;

    /// <summary>The defaults (sender, Reply-To, configuration set, tags) the mailer will apply.</summary>
    public MailerOptions Options { get; } = new();

    /// <summary>Sets the default sender, written <c>ann@example.com</c> or <c>Ann &lt;ann@example.com&gt;</c>.</summary>
    public MailerBuilder DefaultFrom(string mailbox)
    {
        Options.From = mailbox;
        return this;
    }

    /// <summary>Changes the defaults.</summary>
    public MailerBuilder Configure(Action<MailerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(Options);
        return this;
    }

    /// <summary>Sends every message to <paramref name="mailbox"/> instead of its recipients (staging).</summary>
    public MailerBuilder RedirectAllTo(string mailbox)
    {
        Options.RedirectTo = mailbox;
        return this;
    }

    /// <summary>Hands messages to <paramref name="transport"/>.</summary>
    public MailerBuilder UseTransport(IEmailTransport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _transport = transport;
        return this;
    }

    /// <summary>Writes messages as <c>.eml</c> files into <paramref name="folder"/> (the default: <c>./outbox</c>).</summary>
    public MailerBuilder UseOutbox(string? folder = null) => UseTransport(new FileOutboxTransport(folder, _time));

    /// <summary>
    /// Sends through Amazon SES with a client of its own; anything <paramref name="options"/> leaves unset (region,
    /// credentials, endpoint) comes from the standard AWS chain.
    /// </summary>
    /// <exception cref="SesConfigurationException">No region can be found, or the endpoint is not an absolute http(s) URL.</exception>
    public MailerBuilder UseSes(SesClientOptions? options = null, HttpClient? httpClient = null) =>
        UseTransport(new SesTransport(new SesClient(options ?? new SesClientOptions(), httpClient, _time)));

    /// <summary>Sends through Amazon SES with <paramref name="client"/>.</summary>
    public MailerBuilder UseSes(ISesClient client) => UseTransport(new SesTransport(client));

    /// <summary>Keeps messages in <paramref name="transport"/> (for tests).</summary>
    public MailerBuilder UseInMemory(InMemoryTransport transport) => UseTransport(transport);

    /// <summary>Adds an interceptor, run before each send in the order added.</summary>
    public MailerBuilder AddInterceptor(IEmailInterceptor interceptor)
    {
        ArgumentNullException.ThrowIfNull(interceptor);
        _interceptors.Add(interceptor);
        return this;
    }

    /// <summary>Adds an observer, told about each send once it is over.</summary>
    public MailerBuilder AddObserver(IEmailObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _observers.Add(observer);
        return this;
    }

    /// <summary>Logs through <paramref name="loggerFactory"/>.</summary>
    public MailerBuilder UseLoggerFactory(ILoggerFactory loggerFactory)
    {
        _loggerFactory = loggerFactory;
        return this;
    }

    /// <summary>Uses <paramref name="timeProvider"/> as the clock.</summary>
    public MailerBuilder UseTimeProvider(TimeProvider timeProvider)
    {
        _time = timeProvider;
        return this;
    }

    /// <summary>Records metrics on <paramref name="telemetry"/>.</summary>
    public MailerBuilder UseTelemetry(MailerTelemetry telemetry)
    {
        _telemetry = telemetry;
        return this;
    }

    /// <summary>Builds the mailer.</summary>
    /// <exception cref="MailerConfigurationException">A setting is invalid; the message names it.</exception>
    public Mailer Build() => new(
        _transport ?? new FileOutboxTransport(null, _time),
        Options,
        _interceptors,
        _observers,
        _loggerFactory?.CreateLogger<Mailer>(),
        _time,
        _telemetry);
}
