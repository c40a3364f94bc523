using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Amazon.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using SesMailer.TestSupport.Net;
using static SesMailer.TestSupport.FakeSes.SesXmlAnswers;

namespace SesMailer.TestSupport.FakeSes;

/// <summary>
/// A fake SES v1 endpoint on 127.0.0.1 (in-process Kestrel, free port) that answers the XML shapes of the SES API
/// reference for every call SesMailer makes, keeps a small account state, checks signatures, and injects faults.
/// </summary>
/// <example>
/// <code>
/// await using var ses = await FakeSesServer.StartAsync();
/// ses.EnqueueFault(FakeSesFault.SendingRateExceeded);   // the next request is throttled, the one after succeeds
/// </code>
/// </example>
public sealed class FakeSesServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string? Action, FakeSesFault Fault)> _faults = new();
    private readonly ConcurrentQueue<FakeSesRequest> _requests = new();
    private int _requestCounter;
    private int _lastResponseBytes;

    private FakeSesServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>The base address, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The simulated account.</summary>
    public FakeSesState State { get; } = new();

    /// <summary>When set, requests whose SigV4 signature does not match these credentials get <c>SignatureDoesNotMatch</c>.</summary>
    public ImmutableCredentials? ExpectedCredentials { get; set; }

    /// <summary>
    /// When true, a request signed more than 15 minutes away from this machine's clock gets <c>RequestExpired</c>
    /// (as SES does); the answer's <c>Date</c> header tells the client the server's time.
    /// </summary>
    public bool CheckRequestTime { get; set; }

    /// <summary>The size in bytes of the last SES answer or error document written (its <c>Content-Length</c>).</summary>
    public int LastResponseBytes => Volatile.Read(ref _lastResponseBytes);

    /// <summary>
    /// Called when a SendRawEmail was accepted, with the send's <c>sesmailer-id</c> tag, before its answer is written:
    /// the client gets SES's answer only when the returned task completes (a test can make something happen exactly
    /// between SES accepting a message and the sender learning it). The default value is <see langword="null"/>.
    /// </summary>
    public Func<string?, Task>? OnSendAccepted { get; set; }

    /// <summary>Every request received, in order (including those answered with a fault).</summary>
    public IReadOnlyList<FakeSesRequest> Requests => _requests.ToArray();

    /// <summary>Starts a server on 127.0.0.1 with a free port.</summary>
    public static async Task<FakeSesServer> StartAsync()
    {
        FakeSesServer? server = null;
        var (app, endpoint) = await LoopbackWebServer.StartAsync(context => server!.HandleAsync(context)).ConfigureAwait(false);
        server = new FakeSesServer(app, endpoint);
        return server;
    }

    /// <summary>
    /// Answers the next request (or the next request for <paramref name="action"/>) with a fault instead. Through a
    /// mailer or an <c>SesTransport</c>, bind a send's fault to <c>SendRawEmail</c>: the transport's pacing calls
    /// <c>GetSendQuota</c> on its own schedule, and that call would take a fault bound to no action.
    /// </summary>
    public void EnqueueFault(FakeSesFault fault, string? action = null) => _faults.Enqueue((action, fault));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var body = buffer.ToArray();
        var parameters = FormBody.Parse(Encoding.UTF8.GetString(body));
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        var action = parameters.FirstOrDefault(p => p.Key == "Action").Value ?? string.Empty;
        bool? signatureValid = ExpectedCredentials is null
            ? null
            : SignatureCheck.IsValid(ExpectedCredentials, context.Request.Method, context.Request.Path.HasValue ? context.Request.Path.Value! : "/", headers, body);
        var request = new FakeSesRequest(action, parameters, headers, signatureValid);
        _requests.Enqueue(request);
        var requestId = $"fake-{Interlocked.Increment(ref _requestCounter):D4}-{Guid.NewGuid():N}"[..36];

        var taken = TakeFault(action);
        if (taken is AcceptedThenFault acceptedThen)
        {
            _ = FakeSesActions.Handle(State, request, requestId);
            await AnswerFaultAsync(context, acceptedThen.Then, requestId).ConfigureAwait(false);
            return;
        }

        if (taken is { } fault)
        {
            await AnswerFaultAsync(context, fault, requestId).ConfigureAwait(false);
            return;
        }

        if (CheckRequestTime && headers.TryGetValue("x-amz-date", out var amzDate) &&
            DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var signedAt) &&
            (signedAt - DateTimeOffset.UtcNow).Duration() > TimeSpan.FromMinutes(15))
        {
            await WriteAsync(context, HttpStatusCode.BadRequest, Error("Sender", "RequestExpired",
                $"Request timestamp: {amzDate} expired. It must be within 300 secs/ of server time.", requestId)).ConfigureAwait(false);
            return;
        }

        if (signatureValid == false)
        {
            await WriteAsync(context, HttpStatusCode.Forbidden, Error("Sender", "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided.", requestId)).ConfigureAwait(false);
            return;
        }

        var (status, xml) = FakeSesActions.Handle(State, request, requestId);
        if (status == HttpStatusCode.OK && action == "SendRawEmail" && OnSendAccepted is { } accepted)
        {
            await accepted(FakeSesActions.StableIdOf(request)).ConfigureAwait(false);
        }

        await WriteAsync(context, status, xml).ConfigureAwait(false);
    }

    private FakeSesFault? TakeFault(string action)
    {
        // Faults are consumed in order; one bound to another action waits for it.
        lock (_faults)
        {
            var pending = _faults.ToArray();
            for (var i = 0; i < pending.Length; i++)
            {
                if (pending[i].Action is null || pending[i].Action == action)
                {
                    _faults.Clear();
                    foreach (var (index, item) in pending.Index())
                    {
                        if (index != i)
                        {
                            _faults.Enqueue(item);
                        }
                    }

                    return pending[i].Fault;
                }
            }

            return null;
        }
    }

    private async Task AnswerFaultAsync(HttpContext context, FakeSesFault fault, string requestId)
    {
        switch (fault)
        {
            case OversizedFault oversized:
                await WriteOversizedAsync(context, oversized).ConfigureAwait(false);
                break;
            case ErrorFault error:
                await WriteAsync(context, error.Status, Error(error.Type, error.Code, error.Message, requestId)).ConfigureAwait(false);
                break;
            case ResetFault:
                context.Abort();
                break;
            case MalformedFault malformed:
                context.Response.StatusCode = (int)malformed.Status;
                context.Response.ContentType = malformed.ContentType;
                await context.Response.WriteAsync(malformed.Body, context.RequestAborted).ConfigureAwait(false);
                break;
            case DelayFault delay:
                try
                {
                    await Task.Delay(delay.Delay, context.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                context.Abort();
                break;
            default:
                throw new InvalidOperationException($"Unknown fault {fault}.");
        }
    }

    private static async Task WriteOversizedAsync(HttpContext context, OversizedFault fault)
    {
        context.Response.StatusCode = (int)HttpStatusCode.OK;
        context.Response.ContentType = "text/xml";
        if (fault.DeclareLength)
        {
            context.Response.ContentLength = fault.Bytes;
        }

        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<member>padding-padding-padding</member>\n", 1600)));
        try
        {
            for (var left = fault.Bytes; left > 0 && !context.RequestAborted.IsCancellationRequested; left -= chunk.Length)
            {
                var size = (int)Math.Min(chunk.Length, left);
                await context.Response.Body.WriteAsync(chunk.AsMemory(0, size), context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ConnectionResetException)
        {
            // The client hung up: the point of the fault.
        }
    }

    private async Task WriteAsync(HttpContext context, HttpStatusCode status, string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "text/xml";
        context.Response.ContentLength = bytes.Length;
        Volatile.Write(ref _lastResponseBytes, bytes.Length);
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }
}
