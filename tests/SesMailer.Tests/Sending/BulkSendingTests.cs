using System.Diagnostics;
using System.Net;
using SesMailer.Mailing;
using SesMailer.Ses;
using SesMailer.Sending;
using SesMailer.Tests.Support;
using SesMailer.TestSupport.FakeSes;

namespace SesMailer.Tests.Sending;

/// <summary>SendBulkAsync over real HTTP to the SES fake enforcing the account's rate.</summary>
public sealed class BulkSendingTests
{
    private static Mailer MailerFor(FakeSesServer ses, Action<SesMailer.Configuration.MailerOptions>? configure = null, TimeSpan? attemptTimeout = null, int maxRetryAttempts = 3) =>
        Mailer.Create(m => m.UseSes(
                o => (o.Region, o.Endpoint, o.AttemptTimeout, o.Retry.BaseDelay, o.Retry.MaxRetryAttempts) = ("us-east-1", ses.Endpoint, attemptTimeout ?? TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(50), maxRetryAttempts),
                SesCredentials.FromAccessKey("AKIDEXAMPLE", "secret"))
            .Configure(o =>
            {
                o.Sending.MaxConcurrency = 16;
                configure?.Invoke(o);
            }));

    private static EmailMessage Message(int recipients, string tag = "r") => TestMessages.Valid(m =>
    {
        m.Options.To.Clear();
        for (var i = 0; i < recipients; i++)
        {
            m.Options.To.Add(new EmailAddress($"{tag}{i}@example.com"));
        }
    });

    [Fact]
    public async Task A_bulk_run_goes_at_the_account_rate_without_a_throttle_and_a_password_reset_does_not_wait_behind_it()
    {
        await using var ses = await FakeSesServer.StartAsync();
        ses.State.MaxSendRate = 20;
        ses.State.Max24HourSend = -1;
        ses.State.EnforceSendRate = true;
        using var mailer = MailerFor(ses, o => o.Sending.InteractiveShare = 0.05);

        // 200 messages of 1 to 10 recipients (mostly few, to keep the run short), and a few of 30 and 50.
        var messages = Enumerable.Range(0, 200).Select(i => Message(i % 25 == 0 ? 10 : i % 9 == 0 ? 3 : 1))
            .Concat([Message(30), Message(50), Message(30), Message(50)]).ToList();
        var run = Task.Run(async () =>
        {
            var outcomes = new List<SendOutcome>();
            await foreach (var outcome in mailer.SendBulkAsync(messages))
            {
                outcomes.Add(outcome);
            }

            return outcomes;
        });

        while (ses.State.Accepted.Count < 60)
        {
            await Task.Delay(50);
        }

        var reset = Stopwatch.StartNew();
        await mailer.SendAsync(Message(1, "reset"));
        var resetTook = reset.Elapsed;
        var outcomesOfRun = await run;

        Assert.Equal(0, ses.State.Throttles);
        Assert.Equal(messages.Count, outcomesOfRun.Count);
        Assert.All(outcomesOfRun, o => Assert.Equal(SendOutcomeKind.Sent, o.Kind));
        Assert.Equal(Enumerable.Range(0, messages.Count), outcomesOfRun.Select(o => o.Index).Order());
        Assert.All(outcomesOfRun, o => Assert.Equal(1, ses.State.AcceptedCount(o.Id!)));
        Assert.True(resetTook < TimeSpan.FromSeconds(2), $"the password reset took {resetTook}");

        // The achieved rate, from SES's own acceptance times: whatever went out over the run, against what the
        // account allows over the same span (its first second included).
        var accepted = ses.State.Accepted;
        var span = (accepted[^1].Timestamp - accepted[0].Timestamp) / (double)Stopwatch.Frequency;
        var achieved = accepted.Sum(a => a.Recipients) / ((span + 1) * 20);
        Assert.True(achieved >= 0.9, $"achieved {achieved:P0} of the allowed rate over {span:0.0} s");
    }

    [Fact]
    public async Task Throttles_and_503s_injected_during_a_run_end_with_every_message_sent_exactly_once()
    {
        await using var ses = await FakeSesServer.StartAsync();
        ses.State.MaxSendRate = 100;
        ses.State.Max24HourSend = -1;
        for (var i = 0; i < 4; i++)
        {
            ses.EnqueueFault(FakeSesFault.SendingRateExceeded, "SendRawEmail");
            ses.EnqueueFault(FakeSesFault.ServiceUnavailable, "SendRawEmail");
        }

        // Which sends meet the eight faults depends on timing, and one message may meet several in a row: with more
        // retries than faults, none can run out of attempts, so the run must end with every message sent.
        using var mailer = MailerFor(ses, maxRetryAttempts: 8);
        var outcomes = new List<SendOutcome>();
        await foreach (var outcome in mailer.SendBulkAsync(Enumerable.Range(0, 40).Select(_ => Message(2))))
        {
            outcomes.Add(outcome);
        }

        Assert.Equal(40, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal(SendOutcomeKind.Sent, o.Kind));
        Assert.All(outcomes, o => Assert.Equal(1, ses.State.AcceptedCount(o.Id!)));
        Assert.Equal(40, ses.State.Accepted.Count);
        Assert.Equal(48, ses.Requests.Count(r => r.Action == "SendRawEmail"));
    }

    [Fact]
    public async Task Answers_lost_after_SES_accepted_are_in_doubt_and_never_resent()
    {
        await using var ses = await FakeSesServer.StartAsync();
        ses.State.MaxSendRate = 100;
        ses.State.Max24HourSend = -1;
        ses.EnqueueFault(FakeSesFault.AcceptedThen(FakeSesFault.Malformed(HttpStatusCode.GatewayTimeout, "<html><body>504 Gateway Time-out</body></html>")), "SendRawEmail");
        ses.EnqueueFault(FakeSesFault.AcceptedThen(FakeSesFault.ConnectionReset), "SendRawEmail");
        ses.EnqueueFault(FakeSesFault.AcceptedThen(new DelayFault(TimeSpan.FromSeconds(30))), "SendRawEmail");
        using var mailer = MailerFor(ses, attemptTimeout: TimeSpan.FromSeconds(4));

        var outcomes = new List<SendOutcome>();
        await foreach (var outcome in mailer.SendBulkAsync(Enumerable.Range(0, 12).Select(_ => Message(1))))
        {
            outcomes.Add(outcome);
        }

        Assert.Equal(12, outcomes.Count);
        Assert.Equal(3, outcomes.Count(o => o.Kind == SendOutcomeKind.InDoubt));
        Assert.Equal(9, outcomes.Count(o => o.Kind == SendOutcomeKind.Sent));
        Assert.All(outcomes, o => Assert.Equal(1, ses.State.AcceptedCount(o.Id!)));
        Assert.Equal(12, ses.Requests.Count(r => r.Action == "SendRawEmail"));
    }

    [Fact]
    public async Task Cancelling_a_run_reports_every_message_the_one_in_flight_in_doubt_and_resends_nothing()
    {
        await using var ses = await FakeSesServer.StartAsync();
        ses.State.MaxSendRate = 1;
        ses.State.Max24HourSend = -1;
        ses.EnqueueFault(FakeSesFault.AcceptedThen(new DelayFault(TimeSpan.FromSeconds(30))), "SendRawEmail");
        using var mailer = MailerFor(ses);
        using var cancel = new CancellationTokenSource();

        var outcomes = new List<SendOutcome>();
        var run = Task.Run(async () =>
        {
            await foreach (var outcome in mailer.SendBulkAsync(Enumerable.Range(0, 50).Select(_ => Message(1)), cancel.Token))
            {
                outcomes.Add(outcome);
            }
        });
        while (ses.State.Accepted.Count < 1)
        {
            await Task.Delay(20);
        }

        await cancel.CancelAsync();
        await run;

        Assert.Equal(50, outcomes.Count);
        var inDoubt = Assert.Single(outcomes, o => o.Kind == SendOutcomeKind.InDoubt);
        Assert.Equal(1, ses.State.AcceptedCount(inDoubt.Id!));
        Assert.All(outcomes.Where(o => o != inDoubt), o => Assert.Equal((SendOutcomeKind.NotAttempted, "Cancelled"), (o.Kind, o.Code)));
        Assert.All(outcomes, o => Assert.NotNull(o.Id));
        Assert.Equal(1, ses.Requests.Count(r => r.Action == "SendRawEmail"));
    }

    [Fact]
    public async Task A_used_up_daily_quota_stops_the_run_and_reports_the_rest_not_attempted()
    {
        await using var ses = await FakeSesServer.StartAsync();
        ses.State.MaxSendRate = 100;
        ses.EnqueueFault(FakeSesFault.DailyQuotaExceeded, "SendRawEmail");
        using var mailer = MailerFor(ses, o => o.Sending.MaxConcurrency = 1);

        var outcomes = new List<SendOutcome>();
        await foreach (var outcome in mailer.SendBulkAsync(Enumerable.Range(0, 10).Select(_ => Message(1))))
        {
            outcomes.Add(outcome);
        }

        Assert.Equal(10, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal((SendOutcomeKind.NotAttempted, "DailyQuota"), (o.Kind, o.Code)));
        Assert.Equal(1, ses.Requests.Count(r => r.Action == "SendRawEmail"));
    }

    [Fact]
    public async Task A_message_split_per_recipient_gives_one_outcome_per_copy_with_the_copys_id()
    {
        await using var ses = await FakeSesServer.StartAsync();
        ses.State.MaxSendRate = 100;
        using var mailer = MailerFor(ses);
        var split = Message(3);
        split.Options.OneMessagePerRecipient = true;
        split.Options.Id = "newsletter-7";

        var outcomes = new List<SendOutcome>();
        await foreach (var outcome in mailer.SendBulkAsync([Message(1), split]))
        {
            outcomes.Add(outcome);
        }

        Assert.Equal(["newsletter-7-1", "newsletter-7-2", "newsletter-7-3"], outcomes.Where(o => o.Index == 1).Select(o => o.Id!).Order());
        Assert.All(outcomes, o => Assert.Equal(SendOutcomeKind.Sent, o.Kind));
        Assert.Null(split.Options.Id == "newsletter-7" ? null : "the caller's options changed");
    }
}
