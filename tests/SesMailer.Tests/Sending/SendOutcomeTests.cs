using System.Net;
using SesMailer.Ses;
using SesMailer.Sending;

namespace SesMailer.Tests.Sending;

/// <summary>One failure, one outcome: read through IDeliveryFailure, so a transport of one's own is understood too.</summary>
public sealed class SendOutcomeTests
{
    public static TheoryData<Exception, SendOutcomeKind, string> Failures => new()
    {
        { new SesInDoubtException("SendRawEmail", new TimeoutException("no answer")), SendOutcomeKind.InDoubt, "InDoubt" },
        { new SesDailyQuotaExceededException("Daily message quota exceeded.", "r1", HttpStatusCode.BadRequest), SendOutcomeKind.NotAttempted, "DailyQuota" },
        { new SesCircuitOpenException(TimeSpan.FromSeconds(5), new InvalidOperationException("open")), SendOutcomeKind.NotAttempted, "CircuitOpen" },
        { new SesSendingRateExceededException("Maximum sending rate exceeded.", "r2", HttpStatusCode.BadRequest), SendOutcomeKind.Failed, "Throttling" },
        { new SesMessageRejectedException("Email address is not verified.", "r3", HttpStatusCode.BadRequest), SendOutcomeKind.Rejected, "MessageRejected" },
        { new EmailValidationException("To[0]", EmailRules.ValidAddress, "To[0]: bad"), SendOutcomeKind.Rejected, EmailRules.ValidAddress },
        { new OperationCanceledException(), SendOutcomeKind.NotAttempted, "Cancelled" },
        { new OwnTransportFailure(), SendOutcomeKind.InDoubt, "Mine" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void A_failure_is_classified_by_what_it_says_about_delivery(Exception failure, SendOutcomeKind kind, string code)
    {
        var outcome = SendOutcome.FromException(7, "id-7", failure);

        Assert.Equal((7, "id-7", kind, code), (outcome.Index, outcome.Id, outcome.Kind, outcome.Code));
        Assert.Same(failure, outcome.Exception);
    }

    private sealed class OwnTransportFailure : Exception, IDeliveryFailure
    {
        public string Code => "Mine";

        public bool IsRetryable => true;

        public bool IsThrottled => false;

        public bool IsInDoubt => true;
    }
}
