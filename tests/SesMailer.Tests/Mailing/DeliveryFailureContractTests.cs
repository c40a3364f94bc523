using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SesMailer.Mailing;
using SesMailer.Ses;
using SesMailer.Tests.Support;
using SesMailer.Transport;

namespace SesMailer.Tests.Mailing;

/// <summary>
/// The mailer reads a transport's failures only through <see cref="IDeliveryFailure"/>: a transport of any service
/// (not SES) reports its code and whether it throttled, and the metrics carry them.
/// </summary>
public class DeliveryFailureContractTests
{
    [Theory]
    [InlineData("RateExceeded", true)]
    [InlineData("MailboxFull", false)]
    public async Task A_failure_of_another_service_is_counted_by_its_own_code_and_throttling(string code, bool throttled)
    {
        using var telemetry = new MailerTelemetry();
        using var failed = new MetricCollector<long>(telemetry.Meter, MailerTelemetry.FailedCounter);
        using var throttledCount = new MetricCollector<long>(telemetry.Meter, MailerTelemetry.ThrottledCounter);
        using var mailer = Mailer.Create(m => m.UseTransport(new FailingTransport(new OtherServiceException(code, throttled))).UseTelemetry(telemetry));

        var error = await Assert.ThrowsAsync<OtherServiceException>(() => mailer.SendAsync(TestMessages.Valid(email: new EmailDeclaration("Welcome"))));

        Assert.Equal(code, error.Code);
        Assert.Equal(code, Assert.Single(failed.GetMeasurementSnapshot()).Tags["error.type"]);
        Assert.Equal(throttled ? 1 : 0, throttledCount.GetMeasurementSnapshot().Count);
    }

    private sealed class FailingTransport(Exception error) : IEmailTransport
    {
        public Task<SendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default) => Task.FromException<SendResult>(error);
    }

    private sealed class OtherServiceException(string code, bool throttled) : Exception("the other service refused it"), IDeliveryFailure
    {
        public string Code { get; } = code;

        public bool IsRetryable => IsThrottled;

        public bool IsThrottled { get; } = throttled;

        public bool IsInDoubt => false;
    }
}
