using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace SesMailer.Ses.Retry;

/// <summary>
/// The one place SES calls are retried: a Polly.Core retry classified by the SES error, with capped exponential
/// backoff and full jitter (AWS's recommended scheme: a wait drawn uniformly from zero to the capped exponential).
/// </summary>
internal static partial class SesRetryPipeline
{
    /// <summary>The SES action of the call, carried in the Polly context for logging.</summary>
    public static readonly ResiliencePropertyKey<string> ActionKey = new("SesMailer.Ses.Action");

    public static ResiliencePipeline Create(SesRetryOptions options, TimeProvider timeProvider, Func<double> nextJitter, ILogger? logger)
    {
        options.Validate();
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.MaxRetryAttempts == 0)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetryAttempts,
            ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is SesException { IsRetryable: true }),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(FullJitter(options, args.AttemptNumber, nextJitter())),
            OnRetry = args =>
            {
                if (logger is not null && args.Outcome.Exception is SesException error)
                {
                    var action = args.Context.Properties.GetValue(ActionKey, "?");
                    LogRetry(logger, action, args.AttemptNumber + 1, error.Code, error.RequestId, args.RetryDelay);
                }

                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    /// <summary>A wait between zero and <c>min(MaxDelay, BaseDelay × 2^attempt)</c>; <paramref name="jitter"/> is in [0, 1].</summary>
    public static TimeSpan FullJitter(SesRetryOptions options, int attempt, double jitter)
    {
        var exponential = options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        var capped = Math.Min(options.MaxDelay.TotalMilliseconds, exponential);
        return TimeSpan.FromMilliseconds(capped * Math.Clamp(jitter, 0, 1));
    }

    // The code and request id only: SES's message (and so the exception's) can quote addresses, for example the
    // unverified identities of a MessageRejected, and a log must carry no personal data.
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "SES {Action} failed (attempt {Attempt}, {Code}, request id {RequestId}); retrying in {Delay}")]
    private static partial void LogRetry(ILogger logger, string action, int attempt, string code, string? requestId, TimeSpan delay);
}
