using Microsoft.Extensions.Logging.Testing;
using SesMailer.Ses.Tests.FakeServer;
using SesMailer.TestSupport.FakeSes;
using Xunit;
using SesMailer.Ses.Model;

namespace SesMailer.Ses.Tests.Retry;

/// <summary>The retry log names the action, the SES code and the request id; never SES's message, which can quote addresses.</summary>
public sealed class RetryLogTests : IAsyncLifetime
{
    private FakeSesServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeSesServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_retried_error_quoting_an_address_is_logged_by_code_and_request_id_only()
    {
        var log = new FakeLogger();
        using var ses = FakeSes.Client(_server, logger: log);
        _server.EnqueueFault(new ErrorFault(System.Net.HttpStatusCode.ServiceUnavailable, "Receiver", "ServiceUnavailable",
            "Service unavailable while delivering to ann@example.com"));

        var result = await ses.SendRawEmailAsync(new SendRawEmailRequest
        {
            RawMessage = TestMessages.Mime("noreply@acme.example", "ann@example.com", "Secret subject 123", "Body text 456", "<p>Body text 456</p>"),
        }, TestMessages.Timeout());

        Assert.NotEmpty(result.MessageId);
        var record = Assert.Single(log.Collector.GetSnapshot());
        Assert.Equal("SendRawEmail", record.GetStructuredStateValue("Action"));
        Assert.Equal("ServiceUnavailable", record.GetStructuredStateValue("Code"));
        Assert.StartsWith("fake-", record.GetStructuredStateValue("RequestId"), StringComparison.Ordinal);
        Assert.Null(record.Exception);
        var text = record.Message + "\n" + string.Join("\n", record.StructuredState!.Select(p => p.Value));
        Assert.DoesNotContain("@", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret subject", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Body text", text, StringComparison.Ordinal);
    }
}
