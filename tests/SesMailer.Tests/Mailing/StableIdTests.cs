using Microsoft.Extensions.Logging;
using SesMailer.Mailing;
using SesMailer.Ses;
using SesMailer.Tests.Support;
using SesMailer.TestSupport.FakeSes;
using SesMailer.Transport;

namespace SesMailer.Tests.Mailing;

/// <summary>Every message carries one stable id, in its header, its SES tag and its result, chosen once.</summary>
public sealed class StableIdTests
{
    [Fact]
    public async Task A_send_gets_a_new_id_in_the_header_and_the_result_and_the_callers_options_stay_untouched()
    {
        var transport = new InMemoryTransport();
        var mailer = new Mailer(transport);
        var message = TestMessages.Valid();

        var result = await mailer.SendAsync(message);

        var sent = Assert.Single(transport.Sent);
        Assert.Matches("^[0-9a-f]{32}$", result.Id);
        Assert.Equal(result.Id, sent.Id);
        Assert.Equal(result.Id, sent.Header(StableId.HeaderName));
        Assert.Equal([result.Id!], result.Ids);
        Assert.Null(message.Options.Id);
    }

    [Fact]
    public async Task Two_sends_get_two_ids_that_sort_in_the_order_they_were_made()
    {
        var mailer = new Mailer(new InMemoryTransport());

        var first = await mailer.SendAsync(TestMessages.Valid());
        await Task.Delay(2);
        var second = await mailer.SendAsync(TestMessages.Valid());

        Assert.NotEqual(first.Id, second.Id);
        Assert.True(string.CompareOrdinal(first.Id, second.Id) < 0);
    }

    [Fact]
    public async Task An_id_of_the_callers_own_is_kept_so_a_retry_of_the_same_message_carries_the_same_id()
    {
        var transport = new InMemoryTransport();
        var mailer = new Mailer(transport);

        var result = await mailer.SendAsync(TestMessages.Valid(m => m.Options.Id = "order-42_receipt"));

        Assert.Equal("order-42_receipt", result.Id);
        Assert.Equal("order-42_receipt", transport.Last!.Header("X-SesMailer-Id"));
    }

    [Fact]
    public async Task Copies_of_a_per_recipient_send_carry_the_id_and_their_number()
    {
        var transport = new InMemoryTransport();
        var mailer = new Mailer(transport);

        var result = await mailer.SendAsync(TestMessages.Valid(m =>
        {
            m.Options.Id = "digest-7";
            m.Options.Cc.Add("bob@example.com");
            m.Options.Bcc.Add("cy@example.com");
            m.Options.OneMessagePerRecipient = true;
        }));

        Assert.Equal(["digest-7-1", "digest-7-2", "digest-7-3"], result.Ids);
        Assert.Equal(["digest-7-1", "digest-7-2", "digest-7-3"], transport.Sent.Select(s => s.Header(StableId.HeaderName)));
        Assert.Equal("digest-7-1", result.Id);
    }

    [Fact]
    public async Task An_id_too_long_for_its_per_recipient_suffix_is_refused_before_any_copy_leaves()
    {
        var transport = new InMemoryTransport();
        var mailer = new Mailer(transport);

        var error = await Assert.ThrowsAsync<EmailValidationException>(() => mailer.SendAsync(TestMessages.Valid(m =>
        {
            m.Options.Id = new string('a', 63);
            m.Options.Cc.Add("bob@example.com");
            m.Options.OneMessagePerRecipient = true;
        })));

        Assert.Equal(("Id", EmailRules.StableId), (error.ParamName, error.Rule));
        Assert.Contains("at most 62 characters", error.Message, StringComparison.Ordinal);
        transport.AssertNothingSent();
    }

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("id\r\nBcc: x@example.com")]
    [InlineData("dots.are.not.tag.values")]
    public async Task An_id_that_is_not_a_tag_value_is_refused_naming_the_field(string id)
    {
        var transport = new InMemoryTransport();
        var mailer = new Mailer(transport);

        var error = await Assert.ThrowsAsync<EmailValidationException>(() => mailer.SendAsync(TestMessages.Valid(m => m.Options.Id = id)));

        Assert.Equal(("Id", EmailRules.StableId), (error.ParamName, error.Rule));
        transport.AssertNothingSent();
    }

    [Fact]
    public void The_id_header_and_tag_cannot_be_set_by_hand()
    {
        var header = Assert.Throws<EmailValidationException>(() => TestMessages.Compose(TestMessages.Valid(m => m.Options.Headers["X-SesMailer-Id"] = "x")));
        var tag = Assert.Throws<EmailValidationException>(() => TestMessages.Compose(TestMessages.Valid(m => m.Options.Tags.Add(new MessageTag("sesmailer-id", "x")))));

        Assert.Equal(EmailRules.ReservedHeader, header.Rule);
        Assert.Equal(("Tags[0].Name", EmailRules.ReservedTag), (tag.ParamName, tag.Rule));
    }

    [Fact]
    public async Task Ses_receives_the_id_as_the_sesmailer_id_tag_beside_the_callers_tags()
    {
        await using var server = await FakeSesServer.StartAsync();
        using var mailer = Mailer.Create(m => m.UseSes(
            o => (o.Region, o.Endpoint) = ("us-east-1", server.Endpoint),
            SesCredentials.FromAccessKey("AKIDEXAMPLE", "secret")));

        var result = await mailer.SendAsync(TestMessages.Valid(m => m.Options.Tags.Add(new MessageTag("campaign", "spring"))));

        var request = Assert.Single(server.Requests, r => r.Action == "SendRawEmail");
        Assert.Equal("campaign", request["Tags.member.1.Name"]);
        Assert.Equal("sesmailer-id", request["Tags.member.2.Name"]);
        Assert.Equal(result.Id, request["Tags.member.2.Value"]);
    }

    [Fact]
    public async Task A_send_in_doubt_is_logged_with_its_id_so_it_can_be_found_in_ses_events()
    {
        await using var server = await FakeSesServer.StartAsync();
        server.EnqueueFault(FakeSesFault.Malformed(System.Net.HttpStatusCode.GatewayTimeout, "<html>504 Gateway Time-out</html>"), "SendRawEmail");
        var logs = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        using var mailer = Mailer.Create(m => m.UseLoggerFactory(factory).UseSes(
            o => (o.Region, o.Endpoint) = ("us-east-1", server.Endpoint),
            SesCredentials.FromAccessKey("AKIDEXAMPLE", "secret")));

        await Assert.ThrowsAsync<SesInDoubtException>(() => mailer.SendAsync(TestMessages.Valid(m => m.Options.Id = "reset-991")));

        var entry = Assert.Single(logs.Entries, e => e.EventId.Id == 6);
        Assert.Contains("reset-991", entry.Message, StringComparison.Ordinal);
        Assert.Contains("in doubt True", entry.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests, r => r.Action == "SendRawEmail");
    }
}
