using System.Diagnostics;
using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using SesMailer.Mailing;
using SesMailer.Ses;
using SesMailer.Sending;

namespace SesMailer.Benchmarks.Volume;

/// <summary>
/// <c>SendBulkAsync</c> at an account rate of 50, 200 and 1000 recipients per second: each invocation sends one
/// second's worth of one-recipient messages through the real pipeline (compose, pace, sign, HTTP) to an in-process
/// SES stand-in. The setup proves the run works (every message sent exactly once) and prints the achieved rate and
/// the CPU time per message of that run.
/// </summary>
[MemoryDiagnoser]
public class BulkSendBenchmarks : IDisposable
{
    private readonly AcceptingSesHandler _handler = new();
    private HttpClient? _http;
    private SesClient? _client;
    private Mailer? _mailer;

    /// <summary>The account's rate in recipients per second.</summary>
    [Params(50, 200, 1000)]
    public int MaxSendRate { get; set; }

    /// <summary>Builds the mailer and proves a run sends every message exactly once.</summary>
    [GlobalSetup]
    public async Task Setup()
    {
        _http = new HttpClient(_handler, disposeHandler: false);
        _client = new SesClient(new SesClientOptions { Region = "us-east-1", Endpoint = new Uri("http://127.0.0.1:1/") }, _http, credentials: new BasicAWSCredentials("AKIDEXAMPLE", "secret"));
        _mailer = Mailer.Create(m => m.UseSes(_client).DefaultFrom("Acme <hello@acme.example>").Configure(o =>
        {
            o.Sending.MaxSendRate = MaxSendRate;
            o.Sending.MaxConcurrency = 16;
        }));

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var outcomes = await RunAsync();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var accepted = _handler.Accepted;
        if (outcomes.Count != MaxSendRate || outcomes.Any(o => o.Kind != SendOutcomeKind.Sent)
            || accepted.Count != MaxSendRate || accepted.GroupBy(a => a.Id).Any(g => g.Count() != 1)
            || outcomes.Any(o => !accepted.Any(a => a.Id == o.Id)))
        {
            throw new InvalidOperationException($"The bulk run did not send each of its {MaxSendRate} messages exactly once: {outcomes.Count} outcomes, {accepted.Count} accepted.");
        }

        var span = (accepted[^1].Timestamp - accepted[0].Timestamp) / (double)Stopwatch.Frequency;
        Console.WriteLine($"// Volume: MaxSendRate {MaxSendRate}: {MaxSendRate} messages in {span:0.00} s after the first, achieved {accepted.Count / (span + 1):0} recipients/s ({accepted.Count / (span + 1) / MaxSendRate:P0} of allowed, first second included), CPU {cpu.TotalMilliseconds * 1000 / MaxSendRate:0} µs/message");
        _handler.Clear();
    }

    /// <summary>Releases the mailer and the client.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _mailer?.Dispose();
        _client?.Dispose();
        _http?.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Cleanup();
        _handler.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>One second's worth of messages through SendBulkAsync.</summary>
    [Benchmark]
    public async Task<int> SendBulk() => (await RunAsync()).Count;

    private async Task<List<SendOutcome>> RunAsync()
    {
        var outcomes = new List<SendOutcome>(MaxSendRate);
        await foreach (var outcome in _mailer!.SendBulkAsync(Enumerable.Range(0, MaxSendRate).Select(i =>
        {
            var message = new EmailMessage { Subject = "Your monthly report", TextBody = "Hello,\n\nyour report is ready.\n" };
            message.Options.To.Add(new EmailAddress($"customer{i}@example.com"));
            return message;
        })))
        {
            outcomes.Add(outcome);
        }

        return outcomes;
    }
}
