using System.Text;
using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using SesMailer.Benchmarks.Support;
using SesMailer.Mime;
using SesMailer.Ses;
using SesMailer.Ses.Model;

namespace SesMailer.Benchmarks.Ses;

/// <summary>
/// One SendRawEmail call for a message of about 20 KB, 50 KB and 1 MB through SesMailer's <see cref="SesClient"/> (checks, base64 and form
/// encoding, SigV4, the retry pipeline, XML parsing) against a hand-rolled call signed with AWSSDK.Core, both over
/// an in-process <see cref="HttpMessageHandler"/> that answers the SES success XML, so no network is involved.
/// </summary>
[MemoryDiagnoser]
public class SesRequestBenchmarks : IDisposable
{
    private const string Region = "us-east-1";
    private static readonly Uri Endpoint = new("https://email.us-east-1.amazonaws.com/");

    // The AWS documentation's example key pair: never a real credential.
    private static readonly BasicAWSCredentials Credentials = new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

    private readonly SesSuccessHandler _handler = new();
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 25, 18, 0, 0, TimeSpan.Zero));
    private readonly string[] _destinations = [SampleData.To];
    private HttpClient _http = null!;
    private SesClient _client = null!;
    private HandRolledSesRequest _handRolled = null!;
    private SendRawEmailRequest _request = null!;
    private byte[] _raw = null!;

    /// <summary>The approximate size of the raw MIME message, in KB.</summary>
    [Params(20, 50, 1024)]
    public int MessageKb { get; set; } = 50;

    /// <summary>Builds the message and both clients, then proves they send the same signed request.</summary>
    [GlobalSetup]
    public async Task Setup()
    {
        var message = new EmailMessage { Options = { From = SampleData.From }, Subject = "Your monthly report", TextBody = SampleData.Text, HtmlBody = SampleData.Html };
        message.Options.To.Add(SampleData.To);
        // The text and HTML parts take about 7 KB; the attachment grows by 4/3 (base64) plus line breaks.
        var attachment = Math.Max(1024, (MessageKb * 1024 - 7 * 1024) * 100 / 137);
        message.Options.Attachments.Add(EmailAttachment.FromBytes("report.pdf", SampleData.RandomBytes(attachment, seed: 50), "application/pdf"));
        _raw = new MimeComposer(_clock).Compose(message).Mime.ToArray();

        _http = new HttpClient(_handler, disposeHandler: false);
        _client = new SesClient(new SesClientOptions { Region = Region, Endpoint = Endpoint }, _http, _clock, Credentials);
        _handRolled = new HandRolledSesRequest(_http, Endpoint, Region, Credentials.GetCredentials(), _clock);
        _request = new SendRawEmailRequest { RawMessage = _raw, Destinations = _destinations };

        _handler.Record = true;
        var handId = await _handRolled.SendRawEmailAsync(_raw, _destinations, sign: true);
        var (handBody, handAuthorization) = (_handler.LastBody, _handler.LastAuthorization);
        var sesId = (await _client.SendRawEmailAsync(_request)).MessageId;
        _handler.Record = false;
        if (handId != SesSuccessHandler.MessageId || sesId != SesSuccessHandler.MessageId)
        {
            throw new InvalidOperationException($"MessageId: expected {SesSuccessHandler.MessageId}, got {handId} (hand-rolled) and {sesId} (SesClient).");
        }

        if (!handBody.AsSpan().SequenceEqual(_handler.LastBody))
        {
            throw new InvalidOperationException(
                $"The request bodies differ:\nhand-rolled: {Head(handBody)}\nSesClient:   {Head(_handler.LastBody)}");
        }

        if (handAuthorization != _handler.LastAuthorization)
        {
            throw new InvalidOperationException($"The signatures differ:\nAWSSDK.Core: {handAuthorization}\nSesClient:   {_handler.LastAuthorization}");
        }

        // The allocation target is stated against the request body: print it so the report can be read against it.
        Console.WriteLine($"// SendRawEmail benchmark ({MessageKb} KB): the raw message is {_raw.Length:N0} bytes, the request body {handBody!.Length:N0} bytes");
    }

    /// <summary>Baseline: the form by hand, signed with AWSSDK.Core's SigV4 primitive.</summary>
    [Benchmark(Baseline = true, Description = "Hand-rolled, AWSSDK.Core AWS4Signer")]
    public Task<string> HandRolledSigned() => _handRolled.SendRawEmailAsync(_raw, _destinations, sign: true);

    /// <summary>The same request unsigned: what marshalling and the HTTP plumbing cost on their own.</summary>
    [Benchmark(Description = "Hand-rolled, unsigned (floor)")]
    public Task<string> HandRolledUnsigned() => _handRolled.SendRawEmailAsync(_raw, _destinations, sign: false);

    /// <summary>SesMailer's client.</summary>
    [Benchmark(Description = "SesClient.SendRawEmailAsync")]
    public async Task<string> SesClientSend() => (await _client.SendRawEmailAsync(_request)).MessageId;

    /// <inheritdoc />
    [GlobalCleanup]
    public void Dispose()
    {
        _client?.Dispose();
        _http?.Dispose();
        _handler.Dispose();
        GC.SuppressFinalize(this);
    }

    private static string Head(byte[]? body) => body is null ? "(none)" : Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 120)));
}
