using SesMailer.Ses;

namespace SesMailer.Mailing;

/// <summary>
/// Names the kind of a send failure for metrics and logs: the rule broken, the transport's own code (through the
/// neutral <see cref="IDeliveryFailure"/> contract, whichever service failed), or the exception type.
/// </summary>
internal static class SendErrors
{
    public static (string Type, bool Throttled) Classify(Exception exception) => exception switch
    {
        PartiallySentException { InnerException: { } inner } => Classify(inner),
        EmailValidationException invalid => (invalid.Rule, false),
        IDeliveryFailure failure => (failure.Code, failure.IsThrottled),
        OperationCanceledException => ("cancelled", false),
        _ => (exception.GetType().Name, false),
    };
}
