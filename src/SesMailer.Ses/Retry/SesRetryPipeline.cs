using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace SesMailer.Ses.Retry;

/// <summary>
/// The one place SES calls are retried: a Polly.Core retry classified by the SES error, with capped exponential
/// backoff and full jitter (AWS's recommended scheme: a wait drawn uniformly from zero to the capped exponential),
/// a time budget per call, and inside it a circuit breaker shared by all calls of the client, so a failing endpoint
/// is not hammered by every send in turn.
/// </summary>
internal static partial class SesRetryPipeline
{
    /// <summary>The SES action of the call, carried in the Polly context for logging.</summary>
    public static readonly ResiliencePropertyKey<string> ActionKey = new("SesMailer.Ses.Action");

    /// <summary>When the call started (a <see cref="TimeProvider"/> timestamp), for the retry time budget.</summary>
    public static readonly ResiliencePropertyKey<long> StartedKey = new("SesMailer.Ses.Started");

    /// <summary>
    /// Set on a call whose failed first attempt is handed to the pipeline after the caller cancelled: the breaker must
    /// still count the attempt, but nothing is retried for a caller that gave up.
    /// </summary>
    public static readonly ResiliencePropertyKey<bool> NoRetryKey = new("SesMailer.Ses.NoRetry");

    /// <summary>Builds the pipeline; <paramref name="breakerState"/> reads its breaker's state (<see langword="null"/> when there is no breaker).</summary>
    public static ResiliencePipeline Create(SesRetryOptions options, SesCircuitBreakerOptions breaker, TimeProvider timeProvider, Func<double> nextJitter, ILogger? logger, Action<SesException>? onThrottled, out CircuitBreakerStateProvider? breakerState)
    {
        breakerState = null;
        options.Validate();
        breaker.Validate();
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is SesException { IsRetryable: true, IsNotAttempted: false }
                    && !args.Context.Properties.GetValue(NoRetryKey, false)
                    && Remaining(args.Context, options, timeProvider) > TimeSpan.Zero),
                DelayGenerator = args =>
                {
                    // Never wait past the budget: the last retry may be sooner than the backoff would have it.
                    var delay = FullJitter(options, args.AttemptNumber, nextJitter());
                    var remaining = Remaining(args.Context, options, timeProvider);
                    return ValueTask.FromResult<TimeSpan?>(delay < remaining ? delay : remaining);
                },
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is SesException { IsThrottled: true } throttled)
                    {
                        // Retried here, but a sender pacing itself must still hear it, or it keeps the rate that caused it.
                        onThrottled?.Invoke(throttled);
                    }

                    if (logger is not null && args.Outcome.Exception is SesException error)
                    {
                        var action = args.Context.Properties.GetValue(ActionKey, "?");
                        LogRetry(logger, action, args.AttemptNumber + 1, error.Code, error.RequestId, args.RetryDelay);
                    }

                    return ValueTask.CompletedTask;
                },
            });
        }

        if (breaker.Enabled)
        {
            breakerState = new CircuitBreakerStateProvider();
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                StateProvider = breakerState,
                FailureRatio = breaker.FailureRatio,
                MinimumThroughput = breaker.MinimumThroughput,
                SamplingDuration = breaker.SamplingDuration,
                BreakDuration = breaker.BreakDuration,
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is SesException error && CountsAgainstBreaker(error)),
                OnOpened = args =>
                {
                    if (logger is not null)
                    {
                        LogBreakerOpened(logger, args.BreakDuration);
                    }

                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }

    /// <summary>Server-side trouble: a 5xx, no connection, or an answer lost. SES's own refusals prove it is up.</summary>
    public static bool CountsAgainstBreaker(SesException error) =>
        error.IsInDoubt || error is SesConnectionException || (int?)error.StatusCode >= 500;

    /// <summary>A wait between zero and <c>min(MaxDelay, BaseDelay × 2^attempt)</c>; <paramref name="jitter"/> is in [0, 1].</summary>
    public static TimeSpan FullJitter(SesRetryOptions options, int attempt, double jitter)
    {
        var exponential = options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        var capped = Math.Min(options.MaxDelay.TotalMilliseconds, exponential);
        return TimeSpan.FromMilliseconds(capped * Math.Clamp(jitter, 0, 1));
    }

    private static TimeSpan Remaining(ResilienceContext context, SesRetryOptions options, TimeProvider time) =>
        context.Properties.TryGetValue(StartedKey, out var started)
            ? options.MaxRetryTime - time.GetElapsedTime(started)
            : options.MaxRetryTime;

    // The code and request id only: SES's message (and so the exception's) can quote addresses, for example the
    // unverified identities of a MessageRejected, and a log must carry no personal data.
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "SES {Action} failed (attempt {Attempt}, {Code}, request id {RequestId}); retrying in {Delay}")]
    private static partial void LogRetry(ILogger logger, string action, int attempt, string code, string? requestId, TimeSpan delay);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "SES calls failed repeatedly with server errors or lost connections; calls fail fast for {BreakDuration}")]
    private static partial void LogBreakerOpened(ILogger logger, TimeSpan breakDuration);
}
