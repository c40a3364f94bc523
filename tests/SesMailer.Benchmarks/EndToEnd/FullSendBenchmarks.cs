using System.Text;
using BenchmarkDotNet.Attributes;
using MimeKit;
using SesMailer.Aot.Tests.Support;
using SesMailer.Benchmarks.Emails;
using SesMailer.Benchmarks.Support;
using SesMailer.Mailing;
using SesMailer.Mime;
using SesMailer.RazorLight;
using SesMailer.Rendering;

namespace SesMailer.Benchmarks.EndToEnd;

/// <summary>
/// One complete welcome message, from the model to the bytes SES would receive: SesMailer's typed send
/// (<c>mailer.SendWelcomeAsync</c>: render, defaults, SES checks, compose, serialise) and its render + compose step alone
/// (<c>RenderWelcomeAsync</c> + <see cref="MimeComposer"/>), against MimeKit alone writing the same message from strings
/// rendered beforehand (the floor: no rendering at all) and against RazorLight's cached render + the same MimeKit code.
/// </summary>
/// <remarks>
/// Every path writes the same bytes (the setup proves it, with the per-message Date, Message-Id, boundaries and
/// <c>X-SesMailer-Id</c> normalised): multipart/alternative of text and HTML, the same headers in the same order, 7-bit
/// encodings, CRLF. The typed send hands its message to <see cref="CountingTransport"/>, which only counts the bytes.
/// </remarks>
[MemoryDiagnoser]
public class FullSendBenchmarks
{
    private const string FromAddress = "hello@acme.example";
    private const string FromName = "Acme";

    private readonly WelcomeEmail _welcome = SampleData.Welcome;
    private readonly MimeComposer _composer = new();
    private readonly CountingTransport _transport = new();
    private RenderedEmail _prerendered = null!;
    private RazorLightEmailEngine _razorLight = null!;
    private Mailer _mailer = null!;

    /// <summary>The size of the serialised message, in bytes (the allocation target is 3× this).</summary>
    public int MessageSize { get; private set; }

    /// <summary>Renders the strings of "MimeKit alone", compiles the RazorLight templates, and proves every path writes the same message.</summary>
    [GlobalSetup]
    public async Task Setup()
    {
        _prerendered = await _welcome.RenderWelcomeAsync();
        _razorLight = new RazorLightEmailEngineBuilder()
            .UseFolder(AppContext.BaseDirectory)
            .UseOperatingAssembly(typeof(WelcomeEmail).Assembly)
            .Build();
        _mailer = Mailer.Create(m => m.UseTransport(_transport));

        var alone = MimeKitAlone();
        MessageSize = alone.Length;
        await TypedSend();
        Same("mailer.SendWelcomeAsync", alone, _transport.Last.ToArray());
        Same("RenderWelcomeAsync + MimeComposer", alone, (await RenderAndCompose()).ToArray());
        Same("RazorLight + MimeKit", alone, await RazorLightAndMimeKit());
        Console.WriteLine($"// Full send: the serialised message is {MessageSize:N0} bytes (3x = {3 * MessageSize / 1024.0:F1} KB).");
    }

    /// <summary>
    /// Baseline: MimeKit alone, from strings rendered beforehand, written as a careful MimeKit user writes it: the
    /// message is disposed once written. (<see cref="MimeMessage"/>, its parts and their contents have finalizers: an
    /// undisposed message survives its first collection with its bodies and makes collections gen-1 ones, which made
    /// the first version of this baseline, which did not dispose, about twice as slow.)
    /// </summary>
    [Benchmark(Baseline = true, Description = "MimeKit alone, pre-rendered strings")]
    public byte[] MimeKitAlone() => Compose(_prerendered);

    /// <summary>The typed send to a transport that counts the bytes.</summary>
    [Benchmark(Description = "mailer.SendWelcomeAsync (render + checks + compose)")]
    public Task<SendResult> TypedSend() => _mailer.SendWelcomeAsync(SampleData.To, _welcome);

    /// <summary>The generated render and the composer, without the mailer.</summary>
    [Benchmark(Description = "RenderWelcomeAsync + MimeComposer")]
    public async Task<ReadOnlyMemory<byte>> RenderAndCompose()
    {
        var rendered = await _welcome.RenderWelcomeAsync();
        var message = new EmailMessage
        {
            Options = { From = new EmailAddress(FromAddress, FromName) },
            Subject = rendered.Subject,
            HtmlBody = rendered.Html,
            TextBody = rendered.Text,
        };
        message.Options.To.Add(SampleData.To);
        return _composer.Compose(message).Mime;
    }

    /// <summary>RazorLight's cached render, then the same MimeKit code as the baseline.</summary>
    [Benchmark(Description = "RazorLight (cached) + MimeKit")]
    public async Task<byte[]> RazorLightAndMimeKit() => Compose(await _razorLight.RenderAsync("Emails/WelcomeEmail", _welcome));

    /// <summary>
    /// What a developer writes with MimeKit for SES, shaped as SesMailer's message: the same headers in the same
    /// order, text and HTML as multipart/alternative, 7-bit encodings, CRLF.
    /// </summary>
    private static byte[] Compose(RenderedEmail rendered)
    {
        var message = new MimeMessage
        {
            Date = DateTimeOffset.UtcNow,
            MessageId = $"{Guid.NewGuid():N}@acme.example",
        };
        message.From.Add(new MailboxAddress(Encoding.UTF8, FromName, FromAddress));
        message.To.Add(new MailboxAddress(Encoding.UTF8, string.Empty, SampleData.To));
        var subject = new Header("Subject", string.Empty);
        subject.SetValue(MimeKitByHand.SesFormat, Encoding.UTF8, rendered.Subject);
        message.Headers.Replace(subject);
        var text = new TextPart("plain");
        text.SetText(Encoding.UTF8, rendered.Text!);
        var html = new TextPart("html");
        html.SetText(Encoding.UTF8, rendered.Html!);
        message.Body = new MultipartAlternative { text, html };
        message.Headers.Add(StableId.HeaderName, StableId.New());
        return MimeKitByHand.WriteAndDispose(message);
    }

    private static void Same(string what, byte[] expected, byte[] actual)
    {
        var left = MessageNormalizer.Normalize(Encoding.ASCII.GetString(expected));
        var right = MessageNormalizer.Normalize(Encoding.ASCII.GetString(actual));
        if (string.Equals(left, right, StringComparison.Ordinal))
        {
            return;
        }

        var at = 0;
        while (at < left.Length && at < right.Length && left[at] == right[at])
        {
            at++;
        }

        throw new InvalidOperationException(
            $"{what}: the message differs from MimeKit alone's at character {at} (after normalising Date, Message-Id, boundaries and ids):\n" +
            $"expected …{Excerpt(left, at)}…\ngot      …{Excerpt(right, at)}…");
    }

    private static string Excerpt(string text, int at) =>
        text.Substring(Math.Max(0, at - 60), Math.Min(text.Length, at + 60) - Math.Max(0, at - 60)).ReplaceLineEndings("\\n");
}
