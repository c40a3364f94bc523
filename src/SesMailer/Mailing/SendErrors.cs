using SesMailer.Mime;
using SesMailer.Ses;

namespace SesMailer.Mailing;

/// <summary>Names the kind of a send failure for metrics and logs: the SES error code, the rule broken, or the exception type.</summary>
internal static class SendErrors
{
    public static (string Type, bool Throttled) Classify(Exception exception) => exception switch
    {
        PartiallySentException { InnerException: { } inner } => Classify(inner),
        EmailValidationException invalid => (invalid.Rule, false),
        SesThrottlingException throttled => (throttled.Code, true),
        SesException ses => (ses.Code, false),
        OperationCanceledException => ("cancelled", false),
        _ => (exception.GetType().Name, false),
    };
}
