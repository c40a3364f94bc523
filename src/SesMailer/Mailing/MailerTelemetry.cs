using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SesMailer.Mailing;

/// <summary>
/// The metrics and traces of the mailer. Meter and ActivitySource are both named <see cref="Name"/>
/// (<c>SesMailer</c>): add it to OpenTelemetry with <c>AddMeter("SesMailer")</c> and <c>AddSource("SesMailer")</c>.
/// </summary>
public sealed class MailerTelemetry : IDisposable
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "SesMailer";

    /// <summary>Counter of messages accepted by the transport (tag <c>sesmailer.email</c>).</summary>
    public const string SentCounter = "sesmailer.messages.sent";

    /// <summary>Counter of failed sends (tags <c>sesmailer.email</c>, <c>error.type</c>: the SES error code or the rule broken).</summary>
    public const string FailedCounter = "sesmailer.messages.failed";

    /// <summary>Counter of sends refused because the SES sending rate or quota was exceeded.</summary>
    public const string ThrottledCounter = "sesmailer.messages.throttled";

    /// <summary>Histogram of send durations in seconds (tags <c>sesmailer.email</c>, <c>sesmailer.outcome</c>).</summary>
    public const string DurationHistogram = "sesmailer.send.duration";

    /// <summary>The activity source of the span written around each send (<c>sesmailer.send</c>).</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Meter _meter;
    private readonly bool _ownsMeter;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>, or on a meter of its own.</summary>
    public MailerTelemetry(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        Sent = _meter.CreateCounter<long>(SentCounter, "{message}", "Messages accepted by the transport.");
        Failed = _meter.CreateCounter<long>(FailedCounter, "{message}", "Sends that failed, by error type.");
        Throttled = _meter.CreateCounter<long>(ThrottledCounter, "{message}", "Sends refused by SES throttling.");
        Duration = _meter.CreateHistogram<double>(DurationHistogram, "s", "How long a send took.");
    }

    /// <summary>The meter the instruments live on.</summary>
    public Meter Meter => _meter;

    internal Counter<long> Sent { get; }

    internal Counter<long> Failed { get; }

    internal Counter<long> Throttled { get; }

    internal Histogram<double> Duration { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
