using SesMailer.Configuration;
using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using SesMailer.Mailing;
using SesMailer.Ses;
using SesMailer.Tests.Support;
using SesMailer.Transport;

namespace SesMailer.Tests.Mailing;

public class MailerPipelineTests
{
    private readonly InMemoryTransport _transport = new();

    [Fact]
    public async Task Global_defaults_fill_what_the_message_leaves_open()
    {
        var mailer = Mailer.Create(m => m.UseInMemory(_transport).Configure(o =>
        {
            o.From = "Acme <noreply@acme.example>";
            o.ReplyTo = ["support@acme.example", "Sales <sales@acme.example>"];
            o.ConfigurationSet = "transactional";
            o.Tags = new Dictionary<string, string> { ["app"] = "shop", ["kind"] = "generic" };
        }));

        await mailer.SendAsync(TestMessages.Valid(m =>
        {
            m.Options.From = null;
            m.Options.Tags.Add(new MessageTag("kind", "receipt"));
        }));

        var sent = _transport.Last!;
        Assert.Equal(new EmailAddress("noreply@acme.example", "Acme"), sent.From);
        Assert.Equal([new EmailAddress("support@acme.example"), new EmailAddress("sales@acme.example", "Sales")], sent.ReplyTo);
        Assert.Equal("transactional", sent.ConfigurationSet);
        Assert.Equal([new MessageTag("app", "shop"), new MessageTag("kind", "receipt")], sent.Tags);
    }

    [Fact]
    public async Task Per_email_defaults_override_the_global_ones_and_the_message_overrides_both()
    {
        var mailer = Mailer.Create(m => m.UseInMemory(_transport).Configure(o =>
        {
            o.From = "noreply@acme.example";
            o.ConfigurationSet = "transactional";
            o.Emails["PasswordReset"] = new EmailDefaults { From = "Security <security@acme.example>", ConfigurationSet = "security", ReplyTo = ["security@acme.example"], Tags = new Dictionary<string, string> { ["kind"] = "reset" } };
        }));

        await mailer.SendAsync(TestMessages.Valid(m => m.Options.From = null, new EmailDeclaration("PasswordReset")));
        await mailer.SendAsync(TestMessages.Valid(m => m.Options.From = null, new EmailDeclaration("Welcome")));
        await mailer.SendAsync(TestMessages.Valid(m => m.Options.ConfigurationSet = "override", new EmailDeclaration("PasswordReset")));

        var reset = _transport.Sent[0];
        Assert.Equal(new EmailAddress("security@acme.example", "Security"), reset.From);
        Assert.Equal("security", reset.ConfigurationSet);
        Assert.Equal([new EmailAddress("security@acme.example")], reset.ReplyTo);
        Assert.Equal([new MessageTag("kind", "reset")], reset.Tags);
        Assert.Equal("noreply@acme.example", _transport.Sent[1].From.Address);
        Assert.Equal("transactional", _transport.Sent[1].ConfigurationSet);
        Assert.Equal("noreply@acme.example", _transport.Sent[2].From.Address);
        Assert.Equal("override", _transport.Sent[2].ConfigurationSet);
    }

    [Fact]
    public async Task Declared_defaults_rank_below_the_message_and_the_per_email_settings_and_above_the_global_ones()
    {
        var mailer = Mailer.Create(m => m.UseInMemory(_transport).Configure(o =>
        {
            o.From = "noreply@acme.example";
            o.ReplyTo = ["desk@acme.example"];
            o.Tags = new Dictionary<string, string> { ["app"] = "shop", ["category"] = "global", ["kind"] = "global" };
            o.Emails["Receipt"] = new EmailDefaults { From = "Billing <billing@acme.example>", Tags = new Dictionary<string, string> { ["kind"] = "configured" } };
        }));
        var declared = new EmailDeclaration("Receipt")
        {
            From = new EmailAddress("orders@acme.example"),
            ReplyTo = [new EmailAddress("help@acme.example")],
            Tags = [new MessageTag("category", "orders"), new MessageTag("kind", "declared"), new MessageTag("team", "declared")],
        };

        var other = new EmailDeclaration("Other") { From = declared.From, ReplyTo = declared.ReplyTo, Tags = declared.Tags };
        await mailer.SendAsync(TestMessages.Valid(m => m.Options.From = null, declared));
        await mailer.SendAsync(TestMessages.Valid(m => m.Options.From = null, other));
        await mailer.SendAsync(TestMessages.Valid(
            m =>
            {
                m.Options.From = new EmailAddress("caller@acme.example");
                m.Options.ReplyTo.Add("caller@acme.example");
                m.Options.Tags.Add(new MessageTag("team", "caller"));
            },
            declared));

        var configured = _transport.Sent[0];
        Assert.Equal(new EmailAddress("billing@acme.example", "Billing"), configured.From);
        Assert.Equal([new EmailAddress("help@acme.example")], configured.ReplyTo);
        Assert.Equal([new MessageTag("app", "shop"), new MessageTag("category", "orders"), new MessageTag("kind", "configured"), new MessageTag("team", "declared")], configured.Tags);
        var declaredOnly = _transport.Sent[1];
        Assert.Equal(new EmailAddress("orders@acme.example"), declaredOnly.From);
        Assert.Equal([new MessageTag("app", "shop"), new MessageTag("category", "orders"), new MessageTag("kind", "declared"), new MessageTag("team", "declared")], declaredOnly.Tags);
        var caller = _transport.Sent[2];
        Assert.Equal(new EmailAddress("caller@acme.example"), caller.From);
        Assert.Equal([new EmailAddress("caller@acme.example")], caller.ReplyTo);
        Assert.Equal(new MessageTag("team", "caller"), caller.Tags[^1]);
    }

    [Fact]
    public async Task The_callers_message_is_not_changed_by_defaults_or_interceptors()
    {
        var mailer = Mailer.Create(m => m.UseInMemory(_transport).DefaultFrom("noreply@acme.example").RedirectAllTo("qa@acme.example"));
        var message = TestMessages.Valid(m => m.Options.From = null);

        await mailer.SendAsync(message);

        Assert.Null(message.Options.From);
        Assert.Equal("ann@example.com", message.Options.To.Single().Address);
        Assert.Empty(message.Options.Headers);
    }

    [Fact]
    public async Task Redirect_sends_everything_to_one_address_and_records_the_original_recipients()
    {
        var mailer = Mailer.Create(m => m.UseInMemory(_transport).RedirectAllTo("QA <qa@acme.example>"));

        await mailer.SendAsync(TestMessages.Valid(m =>
        {
            m.Options.Cc.Add("carl@example.com");
            m.Options.Bcc.Add("audit@example.com");
        }));

        var sent = _transport.Last!;
        Assert.Equal(["qa@acme.example"], sent.Destinations);
        Assert.Equal("to:ann@example.com, cc:carl@example.com, bcc:audit@example.com",
            sent.Header(RedirectRecipientsInterceptor.OriginalRecipientsHeader)!.ReplaceLineEndings(string.Empty).Replace("\t", " ", StringComparison.Ordinal));
        Assert.Empty(_transport.SentTo("ann@example.com"));
    }

    [Fact]
    public async Task Redirect_still_rejects_an_invalid_original_recipient_by_its_field()
    {
        var mailer = Mailer.Create(m => m.UseInMemory(_transport).RedirectAllTo("qa@acme.example"));

        var error = await Assert.ThrowsAsync<EmailValidationException>(() => mailer.SendAsync(TestMessages.Valid(m => m.Options.Cc.Add("jürgen@example.com"))));

        Assert.Equal("Cc[0]", error.Field);
        _transport.AssertNothingSent();
    }

    [Fact]
    public async Task Interceptors_run_in_order_can_add_headers_and_cancel()
    {
        var calls = new List<string>();
        var mailer = Mailer.Create(m => m.UseInMemory(_transport)
            .AddInterceptor(new DelegateInterceptor(c =>
            {
                calls.Add("first");
                c.Message.Options.Headers["X-Tenant"] = "acme";
            }))
            .AddInterceptor(new DelegateInterceptor(c =>
            {
                calls.Add("second");
                if (c.Message.Subject.Contains("[draft]", StringComparison.Ordinal))
                {
                    c.Cancel("drafts are never sent");
                }
            })));

        var sent = await mailer.SendAsync(TestMessages.Valid());
        var cancelled = await mailer.SendAsync(TestMessages.Valid(m => m.Subject = "[draft] hello"));

        Assert.Equal(["first", "second", "first", "second"], calls);
        Assert.False(sent.IsCancelled);
        Assert.Equal("acme", _transport.Last!.Header("X-Tenant"));
        Assert.True(cancelled.IsCancelled);
        Assert.Equal("drafts are never sent", cancelled.CancellationReason);
        Assert.Empty(cancelled.MessageIds);
        _transport.AssertSentCount(1);
    }

    [Fact]
    public async Task A_header_an_interceptor_adds_is_still_validated()
    {
        var mailer = Mailer.Create(m => m.UseInMemory(_transport).AddInterceptor(new DelegateInterceptor(c => c.Message.Options.Headers["X-Bad"] = "a\r\nBcc: x@example.com")));

        var error = await Assert.ThrowsAsync<EmailValidationException>(() => mailer.SendAsync(TestMessages.Valid()));

        Assert.Equal("Headers[X-Bad]", error.Field);
        _transport.AssertNothingSent();
    }

    [Fact]
    public async Task Observers_see_every_outcome_and_a_failing_observer_does_not_fail_the_send()
    {
        var outcomes = new List<EmailSendOutcome>();
        var logs = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var mailer = Mailer.Create(m => m.UseInMemory(_transport).UseLoggerFactory(factory)
            .AddObserver(new DelegateObserver(_ => throw new InvalidOperationException("observer bug")))
            .AddObserver(new DelegateObserver(outcomes.Add)));

        var result = await mailer.SendAsync(TestMessages.Valid(email: new EmailDeclaration("Receipt")));
        await Assert.ThrowsAsync<EmailValidationException>(() => mailer.SendAsync(TestMessages.Valid(m => m.Options.To.Clear())));

        Assert.Equal(2, outcomes.Count);
        Assert.True(outcomes[0].Succeeded);
        Assert.Equal(result, outcomes[0].Result);
        Assert.Equal("Receipt", outcomes[0].Message.Email?.Name);
        Assert.False(outcomes[1].Succeeded);
        Assert.IsType<EmailValidationException>(outcomes[1].Exception);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.EventId.Id == 5 &&
            e.State.Any(p => p.Key == "ExceptionTypes" && Equals(p.Value, nameof(InvalidOperationException))));
    }

    [Fact]
    public async Task A_transport_failure_reaches_the_caller()
    {
        var mailer = Mailer.Create(m => m.UseTransport(new FailingTransport()));
        var error = await Assert.ThrowsAsync<IOException>(() => mailer.SendAsync(TestMessages.Valid()));
        Assert.Equal("disk full", error.Message);
    }

    [Fact]
    public async Task A_split_send_failing_part_way_reports_what_was_sent()
    {
        var flaky = new FailOnNthTransport(3);
        var mailer = Mailer.Create(m => m.UseTransport(flaky));

        var error = await Assert.ThrowsAsync<PartiallySentException>(() => mailer.SendAsync(TestMessages.Valid(m =>
        {
            m.Options.OneMessagePerRecipient = true;
            m.Options.To.Add("bob@example.com");
            m.Options.To.Add("carl@example.com");
            m.Options.To.Add("dora@example.com");
        })));

        Assert.Equal(["m1", "m2"], error.SentMessageIds);
        Assert.Equal("carl@example.com", error.FailedRecipient);
        Assert.IsType<IOException>(error.InnerException);
        Assert.Equal(3, flaky.Calls);
    }

    [Fact]
    public async Task Logs_are_structured_and_carry_no_addresses_subjects_or_bodies()
    {
        var logs = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var mailer = Mailer.Create(m => m.UseInMemory(_transport).UseLoggerFactory(factory));

        var result = await mailer.SendAsync(TestMessages.Valid(
            m =>
            {
                m.Subject = "Secret subject 123";
                m.HtmlBody = "<p>Body text 456</p>";
                m.TextBody = "Body text 456";
            },
            new EmailDeclaration("Receipt")));
        await Assert.ThrowsAsync<EmailValidationException>(() => mailer.SendAsync(TestMessages.Valid(m => m.Subject = "Secret\r\nsubject")));

        var sent = Assert.Single(logs.Entries, e => e.EventId.Id == 1);
        Assert.Equal("Receipt", sent.State.Single(p => p.Key == "EmailName").Value);
        Assert.Equal(result.MessageId, sent.State.Single(p => p.Key == "MessageId").Value);
        Assert.Equal(1, sent.State.Single(p => p.Key == "RecipientCount").Value);
        var invalid = Assert.Single(logs.Entries, e => e.EventId.Id == 2);
        Assert.Equal("Subject", invalid.State.Single(p => p.Key == "Field").Value);
        Assert.Equal(EmailRules.NoLineBreaks, invalid.State.Single(p => p.Key == "ErrorType").Value);
        foreach (var entry in logs.Entries)
        {
            var text = entry.Message + string.Join(";", entry.State.Select(p => p.Value));
            Assert.DoesNotContain("ann@example.com", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Secret", text, StringComparison.Ordinal);
            Assert.DoesNotContain("456", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Metrics_count_sent_failed_by_error_type_and_record_durations()
    {
        using var telemetry = new MailerTelemetry();
        using var sent = new MetricCollector<long>(telemetry.Meter, MailerTelemetry.SentCounter);
        using var failed = new MetricCollector<long>(telemetry.Meter, MailerTelemetry.FailedCounter);
        using var duration = new MetricCollector<double>(telemetry.Meter, MailerTelemetry.DurationHistogram);
        var mailer = Mailer.Create(m => m.UseInMemory(_transport).UseTelemetry(telemetry));

        await mailer.SendAsync(TestMessages.Valid(email: new EmailDeclaration("Welcome")));
        await mailer.SendAsync(TestMessages.Valid(email: new EmailDeclaration("Welcome")));
        await Assert.ThrowsAsync<TooManyRecipientsException>(() => mailer.SendAsync(TestMessages.Valid(
            m =>
            {
                for (var i = 0; i < 60; i++)
                {
                    m.Options.Bcc.Add($"u{i}@example.com");
                }
            },
            new EmailDeclaration("Newsletter"))));

        Assert.Equal(2, sent.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.All(sent.GetMeasurementSnapshot(), m => Assert.Equal("Welcome", m.Tags["sesmailer.email"]));
        var failure = Assert.Single(failed.GetMeasurementSnapshot());
        Assert.Equal(EmailRules.MaxRecipients, failure.Tags["error.type"]);
        Assert.Equal("Newsletter", failure.Tags["sesmailer.email"]);
        Assert.Equal(3, duration.GetMeasurementSnapshot().Count);
        Assert.All(duration.GetMeasurementSnapshot(), m => Assert.True(m.Value >= 0));
    }

    [Fact]
    public async Task Each_send_is_a_span_with_the_email_name_and_message_id()
    {
        var activities = new System.Collections.Concurrent.ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == MailerTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var mailer = Mailer.Create(m => m.UseInMemory(_transport));

        var result = await mailer.SendAsync(TestMessages.Valid(email: new EmailDeclaration("SpanProbe")));
        await Assert.ThrowsAsync<EmailValidationException>(() => mailer.SendAsync(TestMessages.Valid(m => m.Options.From = null, new EmailDeclaration("SpanProbe"))));

        var mine = activities.Where(a => (string?)a.GetTagItem("sesmailer.email") == "SpanProbe").ToList();
        Assert.Equal(2, mine.Count);
        Assert.Equal("sesmailer.send", mine[0].OperationName);
        Assert.Equal(result.MessageId, mine[0].GetTagItem("sesmailer.message_id"));
        Assert.Equal(ActivityStatusCode.Error, mine[1].Status);
        Assert.Equal(EmailRules.Required, mine[1].GetTagItem("error.type"));
    }

    [Fact]
    public void Invalid_defaults_fail_when_the_mailer_is_built_naming_the_setting()
    {
        var error = Assert.Throws<MailerConfigurationException>(() => Mailer.Create(m => m.Configure(o =>
        {
            o.From = "not an address";
            o.ConfigurationSet = "bad name";
            o.Emails["Welcome"] = new EmailDefaults { Tags = new Dictionary<string, string> { ["bad tag"] = "x" } };
        })));

        Assert.Contains(error.Errors, e => e.StartsWith("SesMailer:From:", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("SesMailer:ConfigurationSet:", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("SesMailer:Emails:Welcome:Tags:", StringComparison.Ordinal));
    }

    private sealed class DelegateInterceptor(Action<EmailSendingContext> action) : IEmailInterceptor
    {
        public ValueTask OnSendingAsync(EmailSendingContext context, CancellationToken cancellationToken)
        {
            action(context);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class DelegateObserver(Action<EmailSendOutcome> action) : IEmailObserver
    {
        public ValueTask OnSendCompletedAsync(EmailSendOutcome outcome, CancellationToken cancellationToken)
        {
            action(outcome);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class FailOnNthTransport(int failing) : IEmailTransport
    {
        public int Calls { get; private set; }

        public Task<SendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Calls == failing
                ? Task.FromException<SendResult>(new IOException("connection reset"))
                : Task.FromResult(new SendResult("m" + Calls.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    private sealed class FailingTransport : IEmailTransport
    {
        public Task<SendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default) => throw new IOException("disk full");
    }
}
