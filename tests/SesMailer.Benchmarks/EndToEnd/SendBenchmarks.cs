using BenchmarkDotNet.Attributes;
using SesMailer.Benchmarks.Emails;
using SesMailer.Benchmarks.Mime;
using SesMailer.Benchmarks.Rendering;
using SesMailer.Benchmarks.Support;
using SesMailer.Mailing;
using SesMailer.Transport;

namespace SesMailer.Benchmarks.EndToEnd;

/// <summary>
/// A whole send of the welcome email to an <see cref="InMemoryTransport"/>: the generated
/// <c>mailer.SendWelcomeAsync(...)</c> (render, defaults, checks, MIME, transport, telemetry) against the same
/// email rendered by hand, built with MimeKit's BodyBuilder and handed to the same transport.
/// </summary>
/// <remarks>
/// The transport keeps what it is given; it is emptied every <see cref="ClearEvery"/> sends so that memory stays
/// flat over millions of invocations. Both methods pay that the same way.
/// </remarks>
[MemoryDiagnoser]
public class SendBenchmarks
{
    private const int ClearEvery = 256;
    private const string Sender = "Acme <hello@acme.example>";

    private readonly InMemoryTransport _transport = new();
    private readonly WelcomeEmail _welcome = SampleData.Welcome;
    private readonly string[] _destinations = [SampleData.To];
    private Mailer _mailer = null!;
    private int _sends;

    /// <summary>Builds the mailer and proves that both paths send the same message.</summary>
    [GlobalSetup]
    public async Task Setup()
    {
        _mailer = Mailer.Create(m => m.UseInMemory(_transport));
        await ByHand();
        var byHand = _transport.Last!.Outgoing;
        await Generated();
        var generated = _transport.Last!.Outgoing;
        MimeCheck.Same("Welcome, sent", byHand.Mime.ToArray(), generated.Mime);
        if (!byHand.Destinations.SequenceEqual(generated.Destinations) || byHand.From != generated.From)
        {
            throw new InvalidOperationException(
                $"The envelopes differ: {byHand.From} → {string.Join(',', byHand.Destinations)} (by hand), {generated.From} → {string.Join(',', generated.Destinations)} (generated).");
        }

        _transport.Clear();
    }

    /// <summary>Baseline: render by hand, compose with BodyBuilder, hand to the transport.</summary>
    [Benchmark(Baseline = true, Description = "By hand: StringBuilder + BodyBuilder")]
    public Task<SendResult> ByHand()
    {
        ClearNowAndThen();
        var rendered = HandWrittenEmails.Welcome(_welcome);
        var mime = BodyBuilderBaseline.Compose(Sender, rendered.Subject, rendered.Text!, rendered.Html!, null, null);
        return _transport.SendAsync(new OutgoingEmail { Mime = mime, From = SampleData.From, Destinations = _destinations, EmailName = "Welcome" });
    }

    /// <summary>The generated typed send.</summary>
    [Benchmark(Description = "mailer.SendWelcomeAsync")]
    public Task<SendResult> Generated()
    {
        ClearNowAndThen();
        return _mailer.SendWelcomeAsync(SampleData.To, _welcome);
    }

    private void ClearNowAndThen()
    {
        if (++_sends % ClearEvery == 0)
        {
            _transport.Clear();
        }
    }
}
