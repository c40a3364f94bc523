using System.Net;
using System.Text;
using SesMailer.Mailing;
using SesMailer.Outbox;
using SesMailer.Sending;
using SesMailer.TestSupport.FakeSes;

namespace SesMailer.Tests.Outbox;

/// <summary>send-outbox's engine against the fake SES: the moves between states, recovery, foreign files, the lock.</summary>
public sealed class OutboxSenderTests
{
    private static async Task<List<OutboxOutcome>> SendAllAsync(OutboxFixture outbox, int concurrency = 1, CancellationToken cancellationToken = default)
    {
        var sender = new OutboxSender(outbox.Ses, new OutboxSenderOptions { MaxConcurrency = concurrency });
        var outcomes = new List<OutboxOutcome>();
        await foreach (var outcome in sender.SendAsync(outbox.Folder, cancellationToken))
        {
            outcomes.Add(outcome);
        }

        return outcomes;
    }

    [Fact]
    public async Task Every_message_is_sent_once_with_its_envelope_and_moved_to_sent_with_the_ses_message_id()
    {
        await using var outbox = await OutboxFixture.StartAsync();
        var queued = new List<SendResult>();
        for (var i = 0; i < 5; i++)
        {
            queued.Add(await outbox.QueueAsync(m =>
            {
                m.Options.Bcc.Add(new EmailAddress("hidden@example.com"));
                m.Options.ConfigurationSet = "marketing";
            }));
        }

        var outcomes = await SendAllAsync(outbox, concurrency: 3);

        Assert.Equal(5, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal(SendOutcomeKind.Sent, o.Outcome.Kind));
        Assert.Equal(queued.Select(q => q.Id).Order(StringComparer.Ordinal), outcomes.Select(o => o.Outcome.Id).Order(StringComparer.Ordinal));
        Assert.Equal(5, outbox.Sends.Count);
        Assert.All(outbox.Sends, r =>
        {
            Assert.Contains("hidden@example.com", r.List("Destinations"));
            Assert.Equal("marketing", r["ConfigurationSetName"]);
            Assert.Equal(StableId.TagName, r["Tags.member.1.Name"]);
        });
        Assert.Equal(queued.Select(q => q.Id).Order(StringComparer.Ordinal), outbox.Sends.Select(r => r["Tags.member.1.Value"]).Order(StringComparer.Ordinal));
        Assert.Empty(OutboxFolder.Messages(outbox.Folder));
        Assert.Empty(OutboxFolder.Messages(outbox.Sub("sending")));
        Assert.Equal(5, OutboxFolder.Messages(outbox.Sub("sent")).Count);
        var folder = new OutboxFolder(outbox.Folder);
        foreach (var outcome in outcomes)
        {
            Assert.Equal(outbox.Sub("sent"), Path.GetDirectoryName(outcome.Path));
            var envelope = folder.FindEnvelope(outcome.Path)!;
            Assert.Equal(SendOutcomeKind.Sent, envelope.Result!.Kind);
            Assert.Equal(outcome.Outcome.SesMessageId, envelope.Result.SesMessageId);
            Assert.False(string.IsNullOrEmpty(envelope.Result.SesMessageId));
        }

        // A second run finds nothing to send.
        Assert.Empty(await SendAllAsync(outbox));
        Assert.Equal(5, outbox.Sends.Count);
    }

    [Fact]
    public async Task A_message_left_in_sending_by_a_killed_run_goes_to_in_doubt_and_is_never_sent()
    {
        await using var outbox = await OutboxFixture.StartAsync();
        var interrupted = await outbox.QueueAsync();
        var waiting = await outbox.QueueAsync();
        Directory.CreateDirectory(outbox.Sub("sending"));
        var eml = OutboxFolder.Messages(outbox.Folder).Single(f => f.Contains(interrupted.MessageId, StringComparison.Ordinal));
        // What a run killed mid-send leaves: the claimed message (and its envelope) in sending/.
        File.Move(OutboxFolder.EnvelopePathOf(eml), Path.Combine(outbox.Sub("sending"), Path.GetFileName(OutboxFolder.EnvelopePathOf(eml))));
        File.Move(eml, Path.Combine(outbox.Sub("sending"), Path.GetFileName(eml)));

        var outcomes = await SendAllAsync(outbox);

        var doubt = outcomes.Single(o => o.Outcome.Kind == SendOutcomeKind.InDoubt);
        Assert.Equal((interrupted.Id, "Interrupted"), (doubt.Outcome.Id, doubt.Outcome.Code));
        Assert.Equal(outbox.Sub("in-doubt"), Path.GetDirectoryName(doubt.Path));
        Assert.Equal(SendOutcomeKind.InDoubt, new OutboxFolder(outbox.Folder).FindEnvelope(doubt.Path)!.Result!.Kind);
        Assert.Equal(waiting.Id, outcomes.Single(o => o.Outcome.Kind == SendOutcomeKind.Sent).Outcome.Id);
        Assert.Equal([waiting.Id], outbox.Sends.Select(r => r["Tags.member.1.Value"]));
        Assert.Empty(OutboxFolder.Messages(outbox.Sub("sending")));
    }

    [Fact]
    public async Task An_envelope_moved_before_a_crash_that_kept_the_eml_behind_is_still_found()
    {
        await using var outbox = await OutboxFixture.StartAsync();
        var queued = await outbox.QueueAsync(m => m.Options.Bcc.Add(new EmailAddress("hidden@example.com")));
        Directory.CreateDirectory(outbox.Sub("sending"));
        var eml = Assert.Single(OutboxFolder.Messages(outbox.Folder));
        // A claim interrupted between its two renames: the envelope went first, the .eml (the commit point) stayed queued.
        File.Move(OutboxFolder.EnvelopePathOf(eml), Path.Combine(outbox.Sub("sending"), Path.GetFileName(OutboxFolder.EnvelopePathOf(eml))));

        var outcome = Assert.Single(await SendAllAsync(outbox));

        Assert.Equal((SendOutcomeKind.Sent, queued.Id), (outcome.Outcome.Kind, outcome.Outcome.Id));
        Assert.Contains("hidden@example.com", Assert.Single(outbox.Sends).List("Destinations"));
    }

    [Fact]
    public async Task An_eml_of_another_tool_goes_to_its_to_cc_and_bcc_under_a_new_id_recorded_before_it_is_sent()
    {
        await using var outbox = await OutboxFixture.StartAsync();
        Directory.CreateDirectory(outbox.Folder);
        await File.WriteAllTextAsync(Path.Combine(outbox.Folder, "exported.eml"),
            "From: Shop <shop@example.com>\r\nTo: ann@example.com\r\nCc: cy@example.com\r\nBcc: hidden@example.com\r\nSubject: Hi\r\n\r\nHello\r\n", Encoding.ASCII);

        var outcome = Assert.Single(await SendAllAsync(outbox));

        Assert.Equal(SendOutcomeKind.Sent, outcome.Outcome.Kind);
        var request = Assert.Single(outbox.Sends);
        Assert.Equal(["ann@example.com", "cy@example.com", "hidden@example.com"], request.List("Destinations"));
        Assert.Equal("shop@example.com", request["Source"]);
        Assert.Equal(outcome.Outcome.Id, request["Tags.member.1.Value"]);
        var envelope = new OutboxFolder(outbox.Folder).FindEnvelope(outcome.Path)!;
        Assert.True(envelope.FromHeaders);
        Assert.Equal(outcome.Outcome.Id, envelope.Id);
        Assert.StartsWith("exported-", Path.GetFileName(outcome.Path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_eml_of_another_tool_without_recipients_fails_with_the_reason_beside_it()
    {
        await using var outbox = await OutboxFixture.StartAsync();
        Directory.CreateDirectory(outbox.Folder);
        await File.WriteAllTextAsync(Path.Combine(outbox.Folder, "nobody.eml"), "From: shop@example.com\r\nSubject: Hi\r\n\r\nHello\r\n", Encoding.ASCII);

        var outcome = Assert.Single(await SendAllAsync(outbox));

        Assert.Equal((SendOutcomeKind.Rejected, "InvalidMessage"), (outcome.Outcome.Kind, outcome.Outcome.Code));
        Assert.Equal(Path.Combine(outbox.Sub("failed"), "nobody.eml"), outcome.Path);
        Assert.Contains("no To, Cc or Bcc", await File.ReadAllTextAsync(Path.Combine(outbox.Sub("failed"), "nobody.reason.txt")), StringComparison.Ordinal);
        Assert.Empty(outbox.Sends);
    }

    [Fact]
    public async Task Rejected_goes_to_failed_and_an_answer_that_is_not_from_ses_goes_to_in_doubt_with_the_reason_recorded()
    {
        await using var outbox = await OutboxFixture.StartAsync();
        var rejected = await outbox.QueueAsync();
        var doubtful = await outbox.QueueAsync();
        outbox.Server.EnqueueFault(FakeSesFault.MessageRejected("Email address is not verified."), "SendRawEmail");
        outbox.Server.EnqueueFault(FakeSesFault.Malformed(HttpStatusCode.GatewayTimeout, "<html>504 Gateway Time-out</html>"), "SendRawEmail");

        var outcomes = await SendAllAsync(outbox);

        var failed = outcomes.Single(o => o.Outcome.Id == rejected.Id);
        Assert.Equal((SendOutcomeKind.Rejected, "MessageRejected"), (failed.Outcome.Kind, failed.Outcome.Code));
        Assert.Equal(outbox.Sub("failed"), Path.GetDirectoryName(failed.Path));
        var reason = new OutboxFolder(outbox.Folder).FindEnvelope(failed.Path)!.Result!;
        Assert.Equal("MessageRejected", reason.Code);
        Assert.Contains("not verified", reason.Reason, StringComparison.Ordinal);
        var doubt = outcomes.Single(o => o.Outcome.Id == doubtful.Id);
        Assert.Equal(SendOutcomeKind.InDoubt, doubt.Outcome.Kind);
        Assert.Equal(outbox.Sub("in-doubt"), Path.GetDirectoryName(doubt.Path));
        Assert.Equal(2, outbox.Sends.Count); // the 504 was not retried
    }

    [Fact]
    public async Task The_daily_quota_stops_the_run_and_the_rest_stay_queued()
    {
        await using var outbox = await OutboxFixture.StartAsync();
        for (var i = 0; i < 4; i++)
        {
            await outbox.QueueAsync();
        }

        outbox.Server.EnqueueFault(FakeSesFault.DailyQuotaExceeded, "SendRawEmail");

        var outcome = Assert.Single(await SendAllAsync(outbox));

        Assert.Equal((SendOutcomeKind.NotAttempted, "DailyQuota"), (outcome.Outcome.Kind, outcome.Outcome.Code));
        Assert.Equal(outbox.Folder, Path.GetDirectoryName(outcome.Path));
        Assert.Equal(4, OutboxSender.CountQueued(outbox.Folder));
        Assert.NotNull(new OutboxFolder(outbox.Folder).FindEnvelope(outcome.Path));

        // The next run (the quota back) sends all four, the one not attempted included, each once.
        var next = await SendAllAsync(outbox);
        Assert.Equal(4, next.Count(o => o.Outcome.Kind == SendOutcomeKind.Sent));
        Assert.Equal(4, outbox.Sends.Skip(1).Select(r => r["Tags.member.1.Value"]).Distinct().Count());
    }

    [Fact]
    public async Task A_cancelled_run_claims_nothing()
    {
        await using var outbox = await OutboxFixture.StartAsync();
        await outbox.QueueAsync();

        Assert.Empty(await SendAllAsync(outbox, cancellationToken: new CancellationToken(canceled: true)));

        Assert.Equal(1, OutboxSender.CountQueued(outbox.Folder));
        Assert.Empty(outbox.Sends);
    }

    [Fact]
    public async Task A_second_run_on_a_locked_folder_fails_with_a_clear_message()
    {
        await using var outbox = await OutboxFixture.StartAsync();
        await outbox.QueueAsync();
        using var held = OutboxLock.Take(outbox.Folder);

        var e = await Assert.ThrowsAsync<OutboxLockedException>(() => SendAllAsync(outbox));

        Assert.Contains(outbox.Folder, e.Message, StringComparison.Ordinal);
        Assert.Contains("Another process", e.Message, StringComparison.Ordinal);
        Assert.Empty(outbox.Sends);
    }

    [Fact]
    public void The_outbox_transport_cannot_send_an_outbox()
    {
        using var mailer = Mailer.Create(m => m.UseOutbox(Path.GetTempPath()));

        Assert.Throws<ArgumentException>(() => { _ = new OutboxSender(mailer); });
    }
}
