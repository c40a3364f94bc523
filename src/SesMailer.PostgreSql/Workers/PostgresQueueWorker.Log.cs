using Microsoft.Extensions.Logging;

namespace SesMailer.PostgreSql.Workers;

// The worker's log messages: ids, states and codes only, never message contents.
public sealed partial class PostgresQueueWorker
{
    [LoggerMessage(50, LogLevel.Warning, "The queue's database could not be reached ({ErrorType}); retrying in {DelaySeconds:0.#} s")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string errorType, double delaySeconds, Exception exception);

    [LoggerMessage(51, LogLevel.Information, "Queued message {Id}: {State} {Code}")]
    private static partial void LogOutcome(ILogger logger, string id, string state, string code);

    [LoggerMessage(52, LogLevel.Warning, "Expired leases: {ToPending} claimed message(s) back to pending, {ToInDoubt} message(s) being sent now in doubt")]
    private static partial void LogLeasesExpired(ILogger logger, int toPending, int toInDoubt);

    [LoggerMessage(53, LogLevel.Error, "The outcome of queued message {Id} (attempt {Attempt}: {State}, SES message id {SesMessageId}, code {Code}) could not be recorded before the worker stopped: the row will be in doubt; settle it with `sesmailer queue resolve {Id} --sent --ses-message-id {SesMessageId}` (or --resend/--cancel)")]
    private static partial void LogUnrecorded(ILogger logger, string id, int attempt, string state, string sesMessageId, string code);

    [LoggerMessage(54, LogLevel.Warning, "The outcome of queued message {Id} ({State}) is held until the database is back ({ErrorType})")]
    private static partial void LogOutcomeHeld(ILogger logger, string id, string state, string errorType, Exception exception);

    [LoggerMessage(55, LogLevel.Warning, "The outcome of queued message {Id} ({State}) was recorded late, after a database outage; the row was {From}")]
    private static partial void LogRecordedLate(ILogger logger, string id, string state, string from);

    [LoggerMessage(56, LogLevel.Information, "Queued message {Id}, whose sending commit was cut by a database outage before it left, is back to pending (the row was {From})")]
    private static partial void LogUnsentReleased(ILogger logger, string id, string from);

    [LoggerMessage(57, LogLevel.Warning, "Queued message {Id} was never sent (its sending commit was cut by a database outage): its claim lease returns it to pending, or, if the commit went through, its sending lease makes it in doubt: then `sesmailer queue resolve {Id} --resend`")]
    private static partial void LogUnsentLeft(ILogger logger, string id);

    [LoggerMessage(58, LogLevel.Critical, "The queue worker stopped: {Problem}")]
    private static partial void LogPermanentError(ILogger logger, string problem, Exception exception);
}
