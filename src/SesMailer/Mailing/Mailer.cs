using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SesMailer.Configuration;
using SesMailer.Mime;
using SesMailer.Ses;
using SesMailer.Sending;
using SesMailer.Transport;

namespace SesMailer.Mailing;

/// <summary>
/// The send pipeline: applies the defaults, runs the interceptors, checks and composes the MIME, hands it to the
/// transport, then tells the observers; with structured logs, metrics and a trace span per send.
/// Build one with <see cref="Create"/> in a console app, or register it with <c>services.AddSesMailer(...)</c>.
/// </summary>
public sealed partial class Mailer : IMailer, IDisposable
{
    private readonly IEmailTransport _transport;
    private readonly MailerDefaults _defaults;
    private readonly IEmailInterceptor[] _interceptors;
    private readonly IEmailObserver[] _observers;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly MailerTelemetry _telemetry;
    private readonly MimeComposer _composer;
    private readonly int _maxConcurrency;
    private ServiceProvider? _ownedServices;

    /// <summary>Creates a mailer over <paramref name="transport"/>.</summary>
    /// <param name="transport">Where composed messages go.</param>
    /// <param name="options">Default sender, Reply-To, configuration set and tags; checked here.</param>
    /// <param name="interceptors">Run before each send, in order.</param>
    /// <param name="observers">Told about each send once it is over.</param>
    /// <param name="logger">Structured logging; nothing is logged when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock for Date headers and durations.</param>
    /// <param name="telemetry">Metrics instruments; a meter of its own when <see langword="null"/>.</param>
    /// <exception cref="MailerConfigurationException"><paramref name="options"/> has an invalid setting.</exception>
    public Mailer(
        IEmailTransport transport,
        MailerOptions? options = null,
        IEnumerable<IEmailInterceptor>? interceptors = null,
        IEnumerable<IEmailObserver>? observers = null,
        ILogger<Mailer>? logger = null,
        TimeProvider? timeProvider = null,
        MailerTelemetry? telemetry = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        options ??= new MailerOptions();
        MailerOptionsValidator.ThrowIfInvalid(options);
        _transport = transport;
        _defaults = MailerDefaults.From(options);
        var all = (interceptors ?? []).ToList();
        if (_defaults.RedirectTo is { } redirect)
        {
            // Last, so that it sees (and redirects) whatever recipients other interceptors added.
            all.Add(new RedirectRecipientsInterceptor(redirect));
        }

        _interceptors = [.. all];
        _observers = (observers ?? []).ToArray();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _telemetry = telemetry ?? new MailerTelemetry();
        _composer = new MimeComposer(_time);
        _maxConcurrency = (options.Sending ?? new SendingOptions()).MaxConcurrency;
    }

    /// <summary>The culture of the <c>Culture</c> setting, used by sends that name none; <see langword="null"/> when unset.</summary>
    public CultureInfo? DefaultCulture => _defaults.Culture;

    /// <summary>The transport messages are handed to.</summary>
    internal IEmailTransport Transport => _transport;

    /// <summary>
    /// Builds a mailer without an application host (console apps, scripts), configured exactly as
    /// <c>services.AddSesMailer(...)</c> would be; by default it writes <c>.eml</c> files to <c>./outbox</c>.
    /// Dispose it to release what it created (the SES connections).
    /// </summary>
    /// <example><code>
    /// using var mailer = Mailer.Create(m => m.DefaultFrom("Acme &lt;noreply@acme.example&gt;").UseOutbox("outbox"));
    /// </code></example>
    /// <exception cref="MailerConfigurationException">A setting is invalid; the message names each one.</exception>
    public static Mailer Create(Action<MailerBuilder>? configure = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddSesMailer();
        configure?.Invoke(builder);
        var provider = services.BuildServiceProvider();
        try
        {
            // Reading the options runs MailerOptionsValidator, as a host's start-up would.
            _ = provider.GetRequiredService<IOptions<MailerOptions>>().Value;
            var mailer = provider.GetRequiredService<Mailer>();
            mailer._ownedServices = provider;
            return mailer;
        }
        catch (OptionsValidationException e)
        {
            provider.Dispose();
            throw new MailerConfigurationException([.. e.Failures]);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    /// <summary>Releases what <see cref="Create"/> built for this mailer; a mailer from a container is released by the container.</summary>
    public void Dispose() => Interlocked.Exchange(ref _ownedServices, null)?.Dispose();

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is <see langword="null"/>.</exception>
    /// <exception cref="EmailValidationException">The message breaks an SES rule; nothing was sent.</exception>
    /// <exception cref="PartiallySentException">A send split per recipient failed after some messages were sent.</exception>
    public Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default) =>
        SendAsync(message, SendLane.Interactive, cancellationToken);

    private async Task<SendResult> SendAsync(EmailMessage message, SendLane lane, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var name = message.Email?.Name ?? "(message)";
        using var activity = MailerTelemetry.ActivitySource.StartActivity("sesmailer.send", ActivityKind.Client);
        activity?.SetTag("sesmailer.email", name);
        var started = _time.GetTimestamp();
        // The one copy of a send: defaults and interceptors change it, never the caller's options.
        var working = message.With(message.Options.Clone());
        _defaults.ApplyTo(working.Options, working.Email);
        try
        {
            var context = new EmailSendingContext(working);
            foreach (var interceptor in _interceptors)
            {
                await interceptor.OnSendingAsync(context, cancellationToken).ConfigureAwait(false);
                if (context.IsCancelled)
                {
                    MailerLog.Cancelled(_logger, name, context.CancellationReason!);
                    activity?.SetTag("sesmailer.outcome", "cancelled");
                    var cancelled = SendResult.Cancelled(context.CancellationReason!);
                    await NotifyAsync(new EmailSendOutcome(working, cancelled, null, _time.GetElapsedTime(started)), cancellationToken).ConfigureAwait(false);
                    return cancelled;
                }
            }

            var result = working.Options.OneMessagePerRecipient
                ? await SendPerRecipientAsync(working, lane, cancellationToken).ConfigureAwait(false)
                : await SendOneAsync(working, lane, cancellationToken).ConfigureAwait(false);

            var elapsed = _time.GetElapsedTime(started);
            var recipients = working.Options.To.Count + working.Options.Cc.Count + working.Options.Bcc.Count;

            // Instruments nobody listens to are skipped, tags and all (Enabled: a meter listener subscribes to them).
            if (_telemetry.Sent.Enabled)
            {
                _telemetry.Sent.Add(result.MessageIds.Count, new KeyValuePair<string, object?>("sesmailer.email", name));
            }

            if (_telemetry.Duration.Enabled)
            {
                _telemetry.Duration.Record(elapsed.TotalSeconds, new("sesmailer.email", name), new("sesmailer.outcome", "sent"));
            }

            activity?.SetTag("sesmailer.message_id", result.MessageId);
            activity?.SetTag("sesmailer.id", result.Id);
            activity?.SetTag("sesmailer.recipients", recipients);
            activity?.SetTag("sesmailer.outcome", "sent");
            MailerLog.Sent(_logger, name, result.Id, recipients, result.MessageId, (long)elapsed.TotalMilliseconds);
            await NotifyAsync(new EmailSendOutcome(working, result, null, elapsed), cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch (Exception e)
        {
            var elapsed = _time.GetElapsedTime(started);
            var error = SendErrors.Classify(e);
            _telemetry.Failed.Add(1, new("sesmailer.email", name), new("error.type", error.Type));
            if (error.Throttled)
            {
                _telemetry.Throttled.Add(1, new KeyValuePair<string, object?>("sesmailer.email", name));
            }

            _telemetry.Duration.Record(elapsed.TotalSeconds, new("sesmailer.email", name), new("sesmailer.outcome", "failed"));
            activity?.SetStatus(ActivityStatusCode.Error, error.Type);
            activity?.SetTag("error.type", error.Type);
            activity?.SetTag("sesmailer.outcome", "failed");
            MailerLog.SendFailed(_logger, name, error.Type, working.Options.Id, e);

            await NotifyAsync(new EmailSendOutcome(working, null, e, elapsed), CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<SendResult> SendOneAsync(EmailMessage message, SendLane lane, CancellationToken cancellationToken)
    {
        // The id is fixed on the working copy before composing, so logs and observers see the one that was sent.
        message.Options.Id ??= StableId.New();
        var outgoing = _composer.Compose(message).WithLane(lane);
        var result = await _transport.SendAsync(outgoing, cancellationToken).ConfigureAwait(false);
        return result with { Id = outgoing.Id, Ids = [outgoing.Id!] };
    }

    private async Task<SendResult> SendPerRecipientAsync(EmailMessage message, SendLane lane, CancellationToken cancellationToken)
    {
        // The whole message first, so a bad address is reported as the caller wrote it (To[3], not To[0] of copy 4).
        MessageValidator.Validate(message);
        var copies = PerRecipient.Split(message);

        // Check every copy (every address, every rule, every id) before the first one leaves.
        var composed = copies.Select(c => _composer.Compose(c).WithLane(lane)).ToList();
        var ids = new List<string>();
        var stableIds = new List<string>();
        for (var i = 0; i < composed.Count; i++)
        {
            try
            {
                var result = await _transport.SendAsync(composed[i], cancellationToken).ConfigureAwait(false);
                ids.Add(result.MessageId);
                stableIds.Add(composed[i].Id!);
            }
            catch (Exception e) when (ids.Count > 0)
            {
                throw new PartiallySentException(ids, copies[i].Options.To[0].Address, e) { CopyIds = composed.Select(c => c.Id!).ToList() };
            }
        }

        return new SendResult(ids[0]) { MessageIds = ids, Id = stableIds[0], Ids = stableIds };
    }

    private async Task NotifyAsync(EmailSendOutcome outcome, CancellationToken cancellationToken)
    {
        foreach (var observer in _observers)
        {
            try
            {
                await observer.OnSendCompletedAsync(outcome, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                MailerLog.ObserverFailed(_logger, observer.GetType().Name, e);
            }
        }
    }
}
