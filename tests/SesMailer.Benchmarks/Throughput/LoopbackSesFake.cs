using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SesMailer.Benchmarks.Ses;
using SesMailer.TestSupport.Net;

namespace SesMailer.Benchmarks.Throughput;

/// <summary>
/// The least an SES endpoint can be, so that it is not what the throughput benchmark measures: Kestrel on a free
/// loopback port, reading each body whole and answering a fixed <c>SendRawEmailResponse</c>. It counts the requests
/// that look like a signed SendRawEmail of the expected length, and those that do not, for the setup check.
/// </summary>
public sealed class LoopbackSesFake : IAsyncDisposable
{
    /// <summary>The message id in every answer.</summary>
    public const string MessageId = SesSuccessHandler.MessageId;

    private static readonly byte[] Answer = Encoding.UTF8.GetBytes(SesSuccessHandler.SuccessXml);

    private static readonly byte[] Prefix = "Action=SendRawEmail&Version=2010-12-01&RawMessage.Data="u8.ToArray();

    private WebApplication _app = null!;
    private int _wellFormed;
    private int _malformed;

    private LoopbackSesFake()
    {
    }

    /// <summary>The endpoint to post to.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The body length every request must have (0: any).</summary>
    public long ExpectedLength { get; set; }

    /// <summary>Requests that carried a SigV4 Authorization, a SendRawEmail body and the expected length.</summary>
    public int WellFormed => Volatile.Read(ref _wellFormed);

    /// <summary>Any other request.</summary>
    public int Malformed => Volatile.Read(ref _malformed);

    /// <summary>Forgets the counts.</summary>
    public void Reset()
    {
        Volatile.Write(ref _wellFormed, 0);
        Volatile.Write(ref _malformed, 0);
    }

    /// <summary>Starts the fake on 127.0.0.1, port chosen by the system.</summary>
    public static async Task<LoopbackSesFake> StartAsync()
    {
        var fake = new LoopbackSesFake();
        (fake._app, fake.Endpoint) = await LoopbackWebServer.StartAsync(fake.HandleAsync);
        return fake;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var reader = context.Request.BodyReader;
        long length = 0;
        var prefixOk = false;
        while (true)
        {
            var result = await reader.ReadAsync();
            var buffer = result.Buffer;
            if (!prefixOk && buffer.Length >= Prefix.Length)
            {
                prefixOk = buffer.Slice(0, Prefix.Length).ToArray().AsSpan().SequenceEqual(Prefix);
            }

            if (result.IsCompleted)
            {
                length = buffer.Length;
                reader.AdvanceTo(buffer.End);
                break;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }

        var signed = context.Request.Headers.Authorization.ToString().StartsWith("AWS4-HMAC-SHA256 Credential=", StringComparison.Ordinal)
            && context.Request.Headers["X-Amz-Date"].Count == 1;
        var ok = prefixOk && signed && context.Request.Method == "POST" && (ExpectedLength == 0 || length == ExpectedLength);
        Interlocked.Increment(ref ok ? ref _wellFormed : ref _malformed);
        if (!ok)
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync($"prefix {prefixOk}, signed {signed} ({context.Request.Headers.Authorization} / {context.Request.Headers["X-Amz-Date"]}), length {length} (expected {ExpectedLength})");
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/xml";
        context.Response.ContentLength = Answer.Length;
        await context.Response.Body.WriteAsync(Answer);
    }
}
