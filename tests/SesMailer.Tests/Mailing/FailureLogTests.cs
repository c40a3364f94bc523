using Microsoft.Extensions.Logging;
using SesMailer.Mailing;
using SesMailer.Mime;
using SesMailer.Ses;
using SesMailer.Tests.Support;
using SesMailer.TestSupport.FakeSes;
using SesMailer.Transport;

namespace SesMailer.Tests.Mailing;

/// <summary>
/// A failed send is logged by what is safe to keep (the rule, the field, the code, the request id, the exception
/// types), never by the exception itself: its message, and its inner exceptions' messages, quote addresses.
/// </summary>
public sealed class FailureLogTests : IDisposable
{
    private const string Subject = "Secret subject 123";
    private const string Body = "Body text 456";

    private readonly RecordingLoggerProvider _logs = new();
    private readonly ILoggerFactory _factory;

    public FailureLogTests() => _factory = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_invalid_address_is_logged_by_rule_and_field()
    {
        var mailer = Mailer.Create(m => m.UseInMemory(new InMemoryTransport()).UseLoggerFactory(_factory));

        var error = await Assert.ThrowsAsync<EmailValidationException>(() => mailer.SendAsync(Message(m =>
        {
            m.Options.To.Clear();
            m.Options.To.Add("ann..smith@example.com");
        })));

        // The caller still gets the whole story; only the log leaves the address out.
        Assert.Contains("ann..smith@example.com", error.Message, StringComparison.Ordinal);
        var entry = Assert.Single(_logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(2, entry.EventId.Id);
        Assert.Equal(EmailRules.ValidAddress, Value(entry, "ErrorType"));
        Assert.Equal("To[0]", Value(entry, "Field"));
        Assert.Equal(nameof(EmailValidationException), Value(entry, "ExceptionTypes"));
        Assert.Contains("To[0]", entry.Message, StringComparison.Ordinal);
        AssertNothingPersonal("ann..smith@example.com");
    }

    [Fact]
    public async Task An_ses_rejection_quoting_the_address_is_logged_by_code_and_request_id()
    {
        await using var server = await FakeSesServer.StartAsync();
        server.EnqueueFault(FakeSesFault.MessageRejected(
            "Email address is not verified. The following identities failed the check in region US-EAST-1: ann@example.com"), "SendRawEmail");
        var mailer = Mailer.Create(m => m.UseLoggerFactory(_factory).UseSes(
            o => (o.Region, o.Endpoint) = ("us-east-1", server.Endpoint),
            SesCredentials.FromAccessKey("AKIDEXAMPLE", "secret")));

        var error = await Assert.ThrowsAsync<SesMessageRejectedException>(() => mailer.SendAsync(Message()));

        Assert.Contains("ann@example.com", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.RequestId);
        var entry = Assert.Single(_logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal("MessageRejected", Value(entry, "ErrorType"));
        Assert.Equal(error.RequestId, Value(entry, "RequestId"));
        Assert.Equal(false, Value(entry, "IsRetryable"));
        Assert.Equal(false, Value(entry, "IsThrottled"));
        Assert.Equal(false, Value(entry, "IsInDoubt"));
        Assert.Equal(nameof(SesMessageRejectedException), Value(entry, "ExceptionTypes"));
        Assert.Contains(error.RequestId, entry.Message, StringComparison.Ordinal);
        AssertNothingPersonal("ann@example.com");
    }

    [Fact]
    public async Task A_split_send_whose_inner_failure_quotes_the_address_is_logged_by_exception_types()
    {
        var transport = new FailingTransport(failOnCall: 2, () =>
            new InvalidOperationException("Relay refused bob@example.com", new IOException("550 bob@example.com: mailbox full")));
        var mailer = Mailer.Create(m => m.UseTransport(transport).UseLoggerFactory(_factory));

        var error = await Assert.ThrowsAsync<PartiallySentException>(() => mailer.SendAsync(Message(m =>
        {
            m.Options.OneMessagePerRecipient = true;
            m.Options.To.Add("bob@example.com");
        })));

        Assert.Contains("bob@example.com", error.Message, StringComparison.Ordinal);
        var entry = Assert.Single(_logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(3, entry.EventId.Id);
        Assert.Equal(nameof(InvalidOperationException), Value(entry, "ErrorType"));
        Assert.Equal("PartiallySentException > InvalidOperationException > IOException", Value(entry, "ExceptionTypes"));
        AssertNothingPersonal("ann@example.com", "bob@example.com");
    }

    [Fact]
    public async Task An_in_doubt_send_is_logged_as_in_doubt_without_the_inner_message()
    {
        var transport = new FailingTransport(failOnCall: 1, () =>
            new SesInDoubtException("SendRawEmail", new TaskCanceledException("No answer while sending to ann@example.com")));
        var mailer = Mailer.Create(m => m.UseTransport(transport).UseLoggerFactory(_factory));

        var error = await Assert.ThrowsAsync<SesInDoubtException>(() => mailer.SendAsync(Message()));

        Assert.Contains("ann@example.com", error.Message, StringComparison.Ordinal);
        var entry = Assert.Single(_logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal("InDoubt", Value(entry, "ErrorType"));
        Assert.Equal(true, Value(entry, "IsInDoubt"));
        Assert.Null(Value(entry, "RequestId"));
        Assert.Equal("SesInDoubtException > TaskCanceledException", Value(entry, "ExceptionTypes"));
        AssertNothingPersonal("ann@example.com");
    }

    [Fact]
    public async Task A_failing_observer_is_logged_by_type_and_stack_trace_without_its_message()
    {
        var mailer = Mailer.Create(m => m.UseInMemory(new InMemoryTransport()).UseLoggerFactory(_factory)
            .AddObserver(new ThrowingObserver()));

        await mailer.SendAsync(Message(email: new EmailDeclaration("Receipt")));

        var entry = Assert.Single(_logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(5, entry.EventId.Id);
        Assert.Equal(nameof(ThrowingObserver), Value(entry, "Observer"));
        Assert.Equal("InvalidOperationException > FormatException", Value(entry, "ExceptionTypes"));
        // The observer's exception is swallowed, so where it was thrown is kept: frames name methods, not data.
        Assert.Contains(nameof(ThrowingObserver.OnSendCompletedAsync), (string?)Value(entry, "StackTrace"), StringComparison.Ordinal);
        AssertNothingPersonal("ann@example.com");
    }

    private static EmailMessage Message(Action<EmailMessage>? change = null, EmailDeclaration? email = null) => TestMessages.Valid(
        m =>
        {
            m.Subject = Subject;
            m.HtmlBody = $"<p>{Body}</p>";
            m.TextBody = Body;
            change?.Invoke(m);
        },
        email);

    private static object? Value(RecordingLoggerProvider.LogEntry entry, string key)
    {
        var pair = Assert.Single(entry.State, p => p.Key == key);
        return pair.Value;
    }

    /// <summary>No record carries an exception, and neither its text nor its values quote an address, the subject or the body.</summary>
    private void AssertNothingPersonal(params string[] addresses)
    {
        Assert.NotEmpty(_logs.Entries);
        foreach (var entry in _logs.Entries)
        {
            Assert.Null(entry.Exception);
            var text = entry.Message + "\n" + string.Join("\n", entry.State.Select(p => p.Value));
            foreach (var address in addresses.Append("noreply@acme.example"))
            {
                Assert.DoesNotContain(address, text, StringComparison.OrdinalIgnoreCase);
            }

            Assert.DoesNotContain(Subject, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Body, text, StringComparison.Ordinal);
        }
    }

    private sealed class FailingTransport(int failOnCall, Func<Exception> error) : IEmailTransport
    {
        private int _calls;

        public Task<SendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default) =>
            ++_calls == failOnCall
                ? Task.FromException<SendResult>(error())
                : Task.FromResult(new SendResult("m" + _calls.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private sealed class ThrowingObserver : IEmailObserver
    {
        public ValueTask OnSendCompletedAsync(EmailSendOutcome outcome, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(
                $"Could not record the send to {outcome.Message.Options.To[0].Address} ({outcome.Message.Subject})",
                new FormatException(outcome.Message.TextBody));
    }
}
