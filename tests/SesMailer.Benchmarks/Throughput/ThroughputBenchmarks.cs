using System.Diagnostics;
using System.Net.Http.Headers;
using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using SesMailer.Benchmarks.Ses;
using SesMailer.Benchmarks.Support;
using SesMailer.Mime;
using SesMailer.Ses;
using SesMailer.Configuration;
using SesMailer.Sending;
using SesMailer.Transport;

namespace SesMailer.Benchmarks.Throughput;

/// <summary>
/// 2,000 sends of a ~20 KB message to <see cref="LoopbackSesFake"/> over real loopback TCP, <see cref="Concurrency"/>
/// at a time: through <see cref="SesTransport"/> over the real <see cref="SesClient"/> (validation, form encoding,
/// SigV4, retry pipeline, XML) with a pooled <see cref="SocketsHttpHandler"/>, against a raw <see cref="HttpClient"/>
/// posting the same pre-signed body. The transport's limiter allows 1,000,000 recipients per second and as many sends
/// in flight as there are workers, so it never makes a send wait: the rate is the client's, not the account's.
/// </summary>
[MemoryDiagnoser]
public class ThroughputBenchmarks : IAsyncDisposable
{
    /// <summary>Messages per measured operation.</summary>
    public const int Messages = 2000;

    private const string Region = "us-east-1";
    private const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    // The AWS documentation's example key pair: never a real credential.
    private static readonly BasicAWSCredentials Credentials = new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 18, 0, 0, TimeSpan.Zero);

    private LoopbackSesFake _fake = null!;
    private HttpClient _http = null!;
    private SesClient _client = null!;
    private WaitCountingBudget _budget = null!;
    private SesTransport _transport = null!;
    private OutgoingEmail _email = null!;
    private byte[] _presignedBody = null!;
    private string _authorization = null!;

    /// <summary>Sends in flight at once (both paths).</summary>
    [Params(8)]
    public int Concurrency { get; set; } = 8;

    /// <summary>Starts the fake, builds both paths, then proves each delivers 2,000 well-formed signed requests.</summary>
    [GlobalSetup]
    public async Task Setup()
    {
        var clock = new FixedClock(Now);
        var message = new EmailMessage { Options = { From = SampleData.From }, Subject = "Your monthly report", TextBody = SampleData.Text, HtmlBody = SampleData.Html };
        message.Options.To.Add(SampleData.To);
        message.Options.Attachments.Add(EmailAttachment.FromBytes("report.pdf", SampleData.RandomBytes(10 * 1024, seed: 20), "application/pdf"));
        var composed = new MimeComposer(clock).Compose(message);
        _email = new OutgoingEmail { Mime = composed.Mime.ToArray(), From = SampleData.From, Destinations = [SampleData.To] };

        _fake = await LoopbackSesFake.StartAsync();
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _client = new SesClient(new SesClientOptions { Region = Region, Endpoint = _fake.Endpoint }, _http, clock, Credentials);
        // Paced far above what loopback reaches: this measures the client's cost, not the account's rate; and a rate
        // of our own means no GetSendQuota call, which this fake does not answer.
        _budget = new WaitCountingBudget(Unpaced());
        _transport = new SesTransport(_client, _budget);

        // The pre-signed request: exactly what SesClient sends for this message, captured once in process.
        using (var recorder = new SesSuccessHandler { Record = true })
        using (var recordingHttp = new HttpClient(recorder, disposeHandler: false))
        using (var recordingClient = new SesClient(new SesClientOptions { Region = Region, Endpoint = _fake.Endpoint }, recordingHttp, clock, Credentials))
        {
            await new SesTransport(recordingClient, Unpaced()).SendAsync(_email);
            _presignedBody = recorder.LastBody!;
            _authorization = recorder.LastAuthorization!;
        }

        _fake.ExpectedLength = _presignedBody.Length;
        foreach (var (name, send) in new (string, Func<Task>)[] { ("raw HttpClient", RawHttpClient), ("SesTransport", SesTransportSend) })
        {
            await CheckedRoundAsync(name, send);
        }


        Console.WriteLine($"// Throughput: {Messages} messages of {_email.Mime.Length:N0} bytes (request body {_presignedBody.Length:N0} bytes), concurrency {Concurrency}, to {_fake.Endpoint}");
    }

    /// <summary>Baseline: the pre-signed body posted by a raw <see cref="HttpClient"/>.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Messages, Description = "Raw HttpClient, pre-signed body")]
    public Task RawHttpClient() => RunAsync(async () =>
    {
        using var content = new ByteArrayContent(_presignedBody);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, _fake.Endpoint) { Content = content };
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20261125T180000Z");
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        using var response = await _http.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The fake refused the pre-signed request: {(int)response.StatusCode} {answer}");
        }
    });

    /// <summary>SesTransport over SesClient.</summary>
    [Benchmark(OperationsPerInvoke = Messages, Description = "SesTransport.SendAsync")]
    public Task SesTransportSend() => RunAsync(async () =>
    {
        var result = await _transport.SendAsync(_email);
        if (result.MessageId != LoopbackSesFake.MessageId)
        {
            throw new InvalidOperationException($"MessageId {result.MessageId}");
        }
    });

    /// <summary>
    /// A measured loop outside BenchmarkDotNet that also reports CPU time and allocation per message (process CPU and
    /// allocated bytes, client and fake together, divided by the count).
    /// Warm-up rounds of every path run until a whole round JIT-compiles no more methods (tiered compilation done:
    /// on a loaded machine that takes tens of thousands of sends, and a round measured before it compares Tier-0 code
    /// with optimised code); then <paramref name="rounds"/> alternating rounds, each checked like the setup (every
    /// request arrived well-formed, the limiter never throttled); medians printed.
    /// </summary>
    /// <param name="rounds">Measured rounds per path.</param>
    /// <param name="only">A path to run alone (<c>raw</c> or <c>ses</c>, to profile it), or <see langword="null"/> for both.</param>
    /// <param name="concurrency">Sends in flight at once, on both paths.</param>
    public static async Task MeasureAsync(int rounds, string? only = null, int concurrency = 8)
    {
        var bench = new ThroughputBenchmarks { Concurrency = concurrency };
        await bench.Setup();
        var paths = new (string Name, Func<Task> Send)[] { ("raw HttpClient", bench.RawHttpClient), ("SesTransport", bench.SesTransportSend) }
            .Where(p => only is null || p.Name.StartsWith(only, StringComparison.OrdinalIgnoreCase))
            .ToArray();
        const int MaxWarmUps = 40;
        for (var warmUp = 1; ; warmUp++)
        {
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            foreach (var (name, send) in paths)
            {
                await bench.CheckedRoundAsync(name, send);
            }

            var more = System.Runtime.JitInfo.GetCompiledMethodCount() - compiled;
            Console.WriteLine($"// warm-up round {warmUp}: {more} methods JIT-compiled");
            if (more == 0 || warmUp == MaxWarmUps)
            {
                break;
            }
        }

        var results = paths.ToDictionary(p => p.Name, _ => new List<(double PerSecond, double CpuMicroseconds, long Jitted, double Bytes)>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, send) in paths)
            {
                using var process = Process.GetCurrentProcess();
                var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
                var cpu = process.TotalProcessorTime;
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                await bench.CheckedRoundAsync(name, send);
                watch.Stop();
                process.Refresh();
                results[name].Add((Messages / watch.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalMicroseconds / Messages, System.Runtime.JitInfo.GetCompiledMethodCount() - compiled, (double)(GC.GetTotalAllocatedBytes(precise: true) - allocated) / Messages));
            }
        }

        var throttles = bench._budget.Throttles;
        await bench.DisposeAsync();
        var raw = Median(results[paths[0].Name].Select(r => r.PerSecond));
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        foreach (var (name, list) in results)
        {
            var perSecond = Median(list.Select(r => r.PerSecond));
            Console.WriteLine(string.Create(invariant, $"{name,-15} {perSecond,9:N0} msg/s (x{perSecond / raw:0.00} of raw)  CPU {Median(list.Select(r => r.CpuMicroseconds)),7:N1} us/msg  allocated {Median(list.Select(r => r.Bytes)) / 1024,5:N1} KB/msg  rounds (msg/s): {string.Join(", ", list.Select(r => r.PerSecond.ToString("N0", invariant)))}  CPU (us/msg): {string.Join(", ", list.Select(r => r.CpuMicroseconds.ToString("N0", invariant)))}  JIT-compiled during rounds: {list.Sum(r => r.Jitted)}"));
        }

        Console.WriteLine($"// limiter: no send waited and {throttles} throttles in any round (its rate 1,000,000/s, its concurrency the workers' {bench.Concurrency})");
    }

    /// <inheritdoc />
    [GlobalCleanup]
    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _budget?.Dispose();
        _http?.Dispose();
        if (_fake is not null)
        {
            await _fake.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private async Task RunAsync(Func<Task> sendOne)
    {
        var next = -1;
        var workers = new Task[Concurrency];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                while (Interlocked.Increment(ref next) < Messages)
                {
                    await sendOne();
                }
            });
        }

        await Task.WhenAll(workers);
    }

    private SendRateLimiter Unpaced() => new(new SendingOptions { MaxSendRate = 1_000_000, MaxConcurrency = Concurrency });

    /// <summary>
    /// One round of <paramref name="send"/>, checked as the setup checks it: every request arrived well-formed, and
    /// the transport's limiter neither made a send wait nor heard of a throttle (so it did not pace the candidate).
    /// </summary>
    private async Task CheckedRoundAsync(string name, Func<Task> send)
    {
        _fake.Reset();
        _budget.Reset();
        await send();
        if (_fake.WellFormed != Messages || _fake.Malformed != 0)
        {
            throw new InvalidOperationException($"{name}: the fake received {_fake.WellFormed} well-formed and {_fake.Malformed} malformed requests; expected {Messages} and 0.");
        }

        if (_budget.Waited != 0 || _budget.Throttles != 0)
        {
            throw new InvalidOperationException($"{name}: the limiter made {_budget.Waited} sends wait and heard of {_budget.Throttles} throttles; it must not pace the measured path.");
        }
    }
}
