using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using SesMailer.Ses.Connection;
using SesMailer.Ses.Protocol;
using SesMailer.Ses.Retry;
using SesMailer.Ses.Signing;

namespace SesMailer.Ses;

/// <summary>
/// A typed client of the Amazon SES v1 Query API (2010-12-01): SigV4-signed form posts, XML answers, typed errors,
/// and the one retry policy of SesMailer.
/// </summary>
/// <example>
/// <code>
/// var ses = new SesClient(new SesClientOptions { Region = "us-west-2" });
/// var quota = await ses.GetSendQuotaAsync();
/// </code>
/// </example>
public sealed partial class SesClient : ISesClient, IDisposable
{
    private const string ServiceName = "ses";
    private const string FormContentType = "application/x-www-form-urlencoded; charset=utf-8";

    private readonly SesClientOptions _options;
    private readonly AWSCredentials? _explicitCredentials;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly TimeProvider _time;
    private readonly SigV4Signer _signer = new();
    private readonly ResiliencePipeline _pipeline;
    private readonly CircuitBreakerStateProvider? _breakerState;
    private readonly AttemptTimeouts _attemptTimeouts;
    private readonly Lock _credentialsGate = new();
    private AWSCredentials? _credentials;
    private long _clockOffsetTicks;

    /// <summary>Creates a client. Region and endpoint are resolved now; credentials on the first call.</summary>
    /// <param name="options">Region, credentials, profile, endpoint and retry settings; anything unset comes from the AWS chain.</param>
    /// <param name="httpClient">The HTTP client to use (its handler should pool connections), or <see langword="null"/> for an owned one.</param>
    /// <param name="timeProvider">The clock for signing, attempt timeouts and retry delays, or <see langword="null"/> for the system clock.</param>
    /// <param name="credentials">
    /// Credentials of your own (any AWSSDK.Core <see cref="AWSCredentials"/>, for example <see cref="SesCredentials.FromAccessKey"/>),
    /// or <see langword="null"/> for the options' profile, else the standard AWS chain.
    /// </param>
    /// <param name="logger">Where retries and failures are logged (never credentials or message contents), or <see langword="null"/>.</param>
    /// <exception cref="SesConfigurationException">
    /// No region can be found, the endpoint is not an absolute http(s) URL, or it is plain http to a host that is not
    /// loopback without <see cref="SesClientOptions.AllowInsecureHttp"/>.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">A retry setting, the attempt timeout or the response size limit is out of range.</exception>
    public SesClient(SesClientOptions options, HttpClient? httpClient = null, TimeProvider? timeProvider = null, AWSCredentials? credentials = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.AttemptTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.AttemptTimeout, "SesClientOptions.AttemptTimeout must be positive.");
        }

        if (options.MaxResponseBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxResponseBytes, "SesClientOptions.MaxResponseBytes must be positive.");
        }

        _options = options;
        _explicitCredentials = credentials;
        _time = timeProvider ?? TimeProvider.System;
        _attemptTimeouts = new AttemptTimeouts(_time);
        Region = SesConnectionResolver.ResolveRegion(options);
        Endpoint = SesConnectionResolver.ResolveEndpoint(options, Region);
        if (Endpoint.Scheme == Uri.UriSchemeHttp && !SesConnectionResolver.IsLoopback(Endpoint) && logger is not null)
        {
            // ResolveEndpoint refuses such an endpoint unless AllowInsecureHttp is set: the opt-in is in use.
            LogInsecureEndpoint(logger, SesConnectionResolver.Display(Endpoint));
        }

        _ownsHttp = httpClient is null;
        // The attempt timeout (driven by the injected clock) bounds each attempt, so the owned client has none of its own.
        _http = httpClient ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _pipeline = SesRetryPipeline.Create(options.Retry, options.CircuitBreaker, _time, () => NextJitter(), logger, e => Throttled?.Invoke(this, e), out _breakerState);
    }

    /// <summary>
    /// Raised each time SES answers a request with throttling that the client is about to retry (a throttle it gives up
    /// on surfaces as the exception instead). A sender that paces itself listens, so a throttle shrinks its rate
    /// rather than only being retried.
    /// </summary>
    public event EventHandler<SesException>? Throttled;

    /// <summary>The region requests are signed for.</summary>
    public string Region { get; }

    /// <summary>The endpoint requests are posted to.</summary>
    public Uri Endpoint { get; }

    /// <summary>Draws the full-jitter fraction in [0, 1]; tests replace it to get exact delays.</summary>
    internal Func<double> NextJitter { get; set; } = Random.Shared.NextDouble;

    /// <summary>
    /// How far this machine's clock is behind SES's (added to the signing time). Learned from the <c>Date</c> of an
    /// answer refusing a request as expired; zero until then.
    /// </summary>
    public TimeSpan ClockOffset => TimeSpan.FromTicks(Interlocked.Read(ref _clockOffsetTicks));

    /// <summary>The signer (tests check that its key is derived once per day).</summary>
    internal SigV4Signer Signer => _signer;

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"SesClient {{ Region = {Region}, Endpoint = {Endpoint} }}";

    private ValueTask<SesXml.Success> InvokeAsync(QueryRequest request, CancellationToken cancellationToken) =>
        InvokeAsync(request, SesXml.ParseSuccess, cancellationToken);

    /// <summary>
    /// Calls <paramref name="request"/> through the retry pipeline; <paramref name="parse"/> reads a 2xx answer inside
    /// the attempt, so an answer that is not SES's counts as in doubt (for a send) and against the breaker.
    /// </summary>
    /// <remarks>
    /// Every caller awaits the answer once, so the state machine's box is pooled (a send suspends here on every call).
    /// </remarks>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<T> InvokeAsync<T>(QueryRequest request, Func<string, HttpStatusCode, string, T> parse, CancellationToken cancellationToken)
    {
        // One body for the whole call: every attempt (retries, the clock-skew re-sign) sends these same bytes, and
        // the pooled buffers are returned only after the last attempt (and any write still running) is over.
        using var body = request.ToFormBody();
        var payloadHash = body.HexSha256();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(SesRetryPipeline.ActionKey, request.Action);
        context.Properties.Set(SesRetryPipeline.StartedKey, _time.GetTimestamp());
        try
        {
            if (_breakerState is not null && _breakerState.CircuitState != CircuitState.Closed)
            {
                // Open, half-open or isolated: the breaker decides whether this call goes at all.
                return await _pipeline.ExecuteAsync(
                    static (ctx, state) => state.client.SendOnceAsync(state.request, state.body, state.payloadHash, state.parse, ctx.CancellationToken),
                    context,
                    (client: this, request, body, payloadHash, parse)).ConfigureAwait(false);
            }

            // The breaker is closed, so it would let the first attempt through: make it outside the pipeline's async
            // layers, then hand its outcome to the pipeline as the pipeline's own first attempt. The breaker counts it
            // (a success too: its failure ratio is over all calls), and a failure is retried and classified exactly
            // as before; only the common case, a success, is spared the machinery.
            T result;
            try
            {
                result = await SendOnceAsync(request, body, payloadHash, parse, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception first)
            {
                var replay = new FirstAttempt(first);
                if (cancellationToken.IsCancellationRequested)
                {
                    // The pipeline would refuse to start for a cancelled token, yet the breaker must count the attempt
                    // made: hand it over under no token, marked not to be retried (the caller gave up), then fail as it did.
                    await CountCancelledAttemptAsync(context, replay).ConfigureAwait(false);
                    ExceptionDispatchInfo.Throw(first);
                }

                try
                {
                    return await _pipeline.ExecuteAsync(
                        static (ctx, state) => state.replay.Take() is { } failed
                            ? ValueTask.FromException<T>(failed)
                            : state.client.SendOnceAsync(state.request, state.body, state.payloadHash, state.parse, ctx.CancellationToken),
                        context,
                        (client: this, request, body, payloadHash, parse, replay)).ConfigureAwait(false);
                }
                catch (BrokenCircuitException) when (replay.Pending)
                {
                    // The breaker opened (other calls failed) before it saw this attempt: the attempt was made all the
                    // same, so its own failure (in doubt, perhaps) is the answer, never "nothing was sent". An open
                    // breaker ignores outcomes, so not counting it changes nothing.
                    ExceptionDispatchInfo.Throw(first);
                    throw;
                }
            }

            try
            {
                // Synchronous and already complete: the breaker records the success, the retry has nothing to do.
                if (!cancellationToken.IsCancellationRequested)
                {
                    return _pipeline.Execute(static (_, done) => done, context, result);
                }

                // Cancelled after the answer came: the pipeline would refuse to start, and the success still counts.
                var detached = DetachedContext(context, noRetry: false);
                try
                {
                    return _pipeline.Execute(static (_, done) => done, detached, result);
                }
                finally
                {
                    ResilienceContextPool.Shared.Return(detached);
                }
            }
            catch (BrokenCircuitException)
            {
                // The breaker opened while this call was under way (other calls failed): the call itself was made and
                // succeeded, as it would have through the pipeline, where a success in the open state changes nothing.
                return result;
            }
        }
        catch (BrokenCircuitException e)
        {
            throw new SesCircuitOpenException(e.RetryAfter, e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task CountCancelledAttemptAsync(ResilienceContext callContext, FirstAttempt replay)
    {
        var context = DetachedContext(callContext, noRetry: true);
        try
        {
            await _pipeline.ExecuteAsync(static (_, failed) => ValueTask.FromException<bool>(failed.Take()!), context, replay).ConfigureAwait(false);
        }
        catch (Exception e) when (e is BrokenCircuitException || !replay.Pending)
        {
            // Expected: the attempt's own failure coming back, or the breaker refusing it (open: it would not count it).
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>A context like <paramref name="callContext"/> under no cancellation token, for outcomes already known.</summary>
    private ResilienceContext DetachedContext(ResilienceContext callContext, bool noRetry)
    {
        var context = ResilienceContextPool.Shared.Get(CancellationToken.None);
        context.Properties.Set(SesRetryPipeline.ActionKey, callContext.Properties.GetValue(SesRetryPipeline.ActionKey, "?"));
        context.Properties.Set(SesRetryPipeline.StartedKey, callContext.Properties.GetValue(SesRetryPipeline.StartedKey, _time.GetTimestamp()));
        context.Properties.Set(SesRetryPipeline.NoRetryKey, noRetry);
        return context;
    }

    /// <summary>The failed first attempt, handed once to the pipeline in place of making it again.</summary>
    private sealed class FirstAttempt(Exception failure)
    {
        private Exception? _failure = failure;

        public bool Pending => Volatile.Read(ref _failure) is not null;

        public Exception? Take() => Interlocked.Exchange(ref _failure, null);
    }

    /// <summary>
    /// One attempt: sign, post, read. When SES refuses the signing time and tells its own, it signs again once with
    /// the corrected clock (a request refused for its timestamp was not acted on, so this is safe even for sends).
    /// </summary>
    /// <remarks>
    /// The post is inline (not a method of its own) so an attempt is one async layer, and that layer's box is pooled:
    /// the one awaiting it (<see cref="InvokeAsync{T}"/> or the pipeline) awaits it once.
    /// </remarks>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<T> SendOnceAsync<T>(QueryRequest request, FormBody body, string payloadHash, Func<string, HttpStatusCode, string, T> parse, CancellationToken cancellationToken)
    {
        for (var resigned = false; ; resigned = true)
        {
            var credentials = await ResolveCredentialsAsync().ConfigureAwait(false);
            HttpStatusCode status;
            string text;
            DateTimeOffset? serverDate;
            using (var content = new TrackedContent(body))
            using (var message = BuildSignedRequest(content, payloadHash, credentials))
            using (var timeout = _attemptTimeouts.Start(_options.AttemptTimeout, cancellationToken))
            {
                try
                {
                    // Headers first, so an oversized body is refused before it is buffered.
                    using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                    status = response.StatusCode;
                    text = await LimitedBody.ReadAsync(response.Content, _options.MaxResponseBytes, timeout.Token).ConfigureAwait(false)
                        ?? throw new SesResponseTooLargeException(request.Action, status, _options.MaxResponseBytes, response.Content.Headers.ContentLength, inDoubt: !request.IsIdempotent);
                    // The Date is parsed only for an error (clock skew is learned from a refusal), not for every success.
                    serverDate = (int)status is >= 200 and < 300 ? null : response.Headers.Date;
                }
                catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
                {
                    // The caller gave up. Before the body left nothing was sent, so this is a plain cancellation; after it,
                    // SES may already hold the message, and calling that "cancelled" would invite a second send.
                    if (content.Started && !request.IsIdempotent)
                    {
                        throw new SesInDoubtException(request.Action, e);
                    }

                    throw;
                }
                catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
                {
                    throw TransportFailure(request, content.Started, e is OperationCanceledException
                        ? new TimeoutException($"no answer within {_options.AttemptTimeout.TotalSeconds:0.###} s (SesClientOptions.AttemptTimeout)", e)
                        : e);
                }
            }

            if ((int)status is >= 200 and < 300)
            {
                try
                {
                    return parse(request.Action, status, text);
                }
                catch (SesUnexpectedResponseException e) when (!request.IsIdempotent)
                {
                    // A 2xx that is not SES's answer (truncated, or from something in between): SES may have accepted it.
                    throw new SesInDoubtException(request.Action, e);
                }
            }

            var error = SesXml.ParseError(status, text);
            if (error is SesUnexpectedResponseException unexpected && !request.IsIdempotent && IsAmbiguous(status))
            {
                // Not an SES error document: a proxy or load balancer answered (an HTML 502/504, a 408). It may have
                // forwarded the message before giving up on SES's answer, so only an SES error proves nothing was sent.
                throw new SesInDoubtException(request.Action, unexpected);
            }

            if (!ClockSkew.IsSkewError(error) || !ClockSkew.Adjust(ref _clockOffsetTicks, _time.GetUtcNow(), serverDate) || resigned)
            {
                throw error;
            }
        }
    }

    private HttpRequestMessage BuildSignedRequest(HttpContent content, string payloadHash, ImmutableCredentials credentials)
    {
        var scope = new SigV4Scope(Region, ServiceName, _time.GetUtcNow() + ClockOffset);
        // The constant needs no parsing (and no parsed object per attempt): it goes on the wire as written and signed.
        content.Headers.TryAddWithoutValidation("Content-Type", FormContentType);
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Content-Type", FormContentType),
            new("Host", Endpoint.Authority),
            new("X-Amz-Date", scope.AmzDate),
        };
        if (credentials.UseToken)
        {
            headers.Add(new("X-Amz-Security-Token", credentials.Token));
        }

        var path = string.IsNullOrEmpty(Endpoint.AbsolutePath) ? "/" : Endpoint.AbsolutePath;
        var signature = _signer.Sign(new SigV4Request("POST", path, string.Empty, headers, payloadHash), credentials, scope);
        var message = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = content };
        message.Headers.TryAddWithoutValidation("X-Amz-Date", scope.AmzDate);
        if (credentials.UseToken)
        {
            message.Headers.TryAddWithoutValidation("X-Amz-Security-Token", credentials.Token);
        }

        message.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
        return message;
    }

    // Resolved once and kept (the AWSCredentials object refreshes itself); a failure is not cached, so credentials
    // that appear later (a mounted file, a role) are found on the next call.
    private AWSCredentials CredentialSource()
    {
        lock (_credentialsGate)
        {
            return _credentials ??= SesConnectionResolver.ResolveCredentials(_options, _explicitCredentials);
        }
    }

    // Credentials that are at hand (the usual case: they refresh rarely) come back without an async layer.
    private ValueTask<ImmutableCredentials> ResolveCredentialsAsync()
    {
        Task<ImmutableCredentials> pending;
        try
        {
            pending = CredentialSource().GetCredentialsAsync();
        }
        catch (AmazonClientException e)
        {
            throw new SesConfigurationException($"The AWS credentials could not be loaded: {e.Message}", e);
        }

        return pending.IsCompletedSuccessfully ? new(pending.Result) : AwaitCredentialsAsync(pending);
    }

    private static async ValueTask<ImmutableCredentials> AwaitCredentialsAsync(Task<ImmutableCredentials> pending)
    {
        try
        {
            return await pending.ConfigureAwait(false);
        }
        catch (AmazonClientException e)
        {
            throw new SesConfigurationException($"The AWS credentials could not be loaded: {e.Message}", e);
        }
    }

    /// <summary>Statuses with which something between us and SES can answer after forwarding the request.</summary>
    private static bool IsAmbiguous(HttpStatusCode status) => (int)status >= 500 || status == HttpStatusCode.RequestTimeout;

    private static SesException TransportFailure(QueryRequest request, bool bodyStarted, Exception cause)
    {
        if (!bodyStarted)
        {
            return new SesConnectionException($"{request.Action} could not reach SES ({cause.Message}); nothing was sent.", cause);
        }

        // A read-only or idempotent call can simply be asked again; a send cannot, as SES may have accepted it.
        return request.IsIdempotent
            ? new SesConnectionException($"{request.Action} was sent but the answer was lost ({cause.Message}); the call is safe to repeat.", cause)
            : new SesInDoubtException(request.Action, cause);
    }
}
