namespace SesMailer.Ses;

/// <summary>
/// What any layer above a transport needs to know about a failed delivery, without knowing which service failed:
/// a stable code, whether trying again later can help, whether the service was throttling, and whether the message
/// may have been accepted anyway (in doubt: never resend it automatically). <see cref="SesException"/> implements it;
/// a transport of your own can too, and the mailer's logs, metrics and outcomes read only this.
/// </summary>
public interface IDeliveryFailure
{
    /// <summary>A short, stable code, for example <c>MessageRejected</c>, <c>Throttling</c> or <c>InDoubt</c>.</summary>
    string Code { get; }

    /// <summary>Whether sending the same message again later can succeed.</summary>
    bool IsRetryable { get; }

    /// <summary>Whether the service refused the message because too much was sent (rate or quota).</summary>
    bool IsThrottled { get; }

    /// <summary>Whether the message may have been accepted although no answer said so; it must not be resent blindly.</summary>
    bool IsInDoubt { get; }

    /// <summary>
    /// Whether the message was never offered to the service (a circuit breaker or a local budget refused it first),
    /// so it certainly was not delivered. The default implementation returns <see langword="false"/>.
    /// </summary>
    bool IsNotAttempted => false;

    /// <summary>
    /// Whether the account's sending quota for the period is used up (SES's 24-hour quota): nothing more will be
    /// accepted for hours, so a run of sends should stop. The default implementation returns <see langword="false"/>.
    /// </summary>
    bool IsQuotaExhausted => false;
}
