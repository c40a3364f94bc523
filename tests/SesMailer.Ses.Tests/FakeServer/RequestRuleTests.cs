using SesMailer.TestSupport.FakeSes;
using Xunit;
using SesMailer.Ses.Model;

namespace SesMailer.Ses.Tests.FakeServer;

/// <summary>
/// The client checks requests with the same rule book as the mailer: what breaks a rule is refused before any network
/// call, naming the field and the rule; what the mailer accepts, the client accepts.
/// </summary>
public sealed class RequestRuleTests : IAsyncLifetime
{
    private FakeSesServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeSesServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static SendRawEmailRequest Raw(int size) => new()
    {
        RawMessage = new byte[size],
        Source = "a@example.com",
        Destinations = ["b@example.com"],
    };

    private static SendEmailRequest Simple() => new()
    {
        Source = "a@example.com",
        ToAddresses = ["b@example.com"],
        Subject = "Hi",
        TextBody = "x",
    };

    private async Task<EmailValidationException> Refused(Func<SesClient, Task> call, string field, string rule)
    {
        using var ses = FakeSes.Client(_server);
        var error = await Assert.ThrowsAnyAsync<EmailValidationException>(() => call(ses));
        Assert.Equal(field, error.Field);
        Assert.Equal(field, error.ParamName);
        Assert.Equal(rule, error.Rule);
        Assert.StartsWith(field, error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
        return error;
    }

    private async Task Sent(Func<SesClient, Task> call)
    {
        using var ses = FakeSes.Client(_server);
        await call(ses);
        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData(9_900_000)]
    [InlineData(10_000_000)]
    public async Task A_raw_message_up_to_10_000_000_bytes_is_sent(int size) =>
        await Sent(ses => ses.SendRawEmailAsync(Raw(size), TestMessages.Timeout(60)));

    [Fact]
    public async Task A_raw_message_one_byte_over_10_000_000_is_refused_before_any_call()
    {
        var error = await Refused(ses => ses.SendRawEmailAsync(Raw(10_000_001), TestMessages.Timeout()), "RawMessage", EmailRules.MaxMessageSize);
        var tooLarge = Assert.IsType<MessageTooLargeException>(error);
        Assert.Equal((10_000_001, 10_000_000), (tooLarge.Size, tooLarge.Limit));
        Assert.Contains("10,000,001", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a..b@example.com")]
    [InlineData(".lead@example.com")]
    [InlineData("trail.@example.com")]
    [InlineData("ann@localhost")]
    [InlineData("ann@exa mple.com")]
    public async Task Destinations_that_are_not_mailboxes_are_refused(string address) =>
        await Refused(ses => ses.SendRawEmailAsync(Raw(10) with { Destinations = ["b@example.com", address] }, TestMessages.Timeout()), "Destinations[1]", EmailRules.ValidAddress);

    [Fact]
    public async Task A_non_ascii_domain_is_refused_with_its_punycode()
    {
        var error = await Refused(ses => ses.SendRawEmailAsync(Raw(10) with { Destinations = ["ann@bücher.example"] }, TestMessages.Timeout()), "Destinations[0]", EmailRules.ValidAddress);
        Assert.Contains("ann@xn--bcher-kva.example", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hi\u2028Bcc: victim@example.com")]
    [InlineData("Hi\0")]
    [InlineData("Hi\n")]
    public async Task Line_breaks_and_control_characters_in_the_subject_are_refused(string subject) =>
        await Refused(ses => ses.SendEmailAsync(Simple() with { Subject = subject }, TestMessages.Timeout()), "Subject", EmailRules.NoLineBreaks);

    [Theory]
    [InlineData("kind\n", "v", "Tags[0].Name")]
    [InlineData("kind", "v\n", "Tags[0].Value")]
    public async Task Tags_with_a_trailing_line_feed_are_refused(string name, string value, string field) =>
        await Refused(ses => ses.SendRawEmailAsync(Raw(10) with { Tags = [new(name, value)] }, TestMessages.Timeout()), field, EmailRules.TagCharset);

    [Fact]
    public async Task A_configuration_set_with_a_trailing_line_feed_is_refused() =>
        await Refused(ses => ses.SendRawEmailAsync(Raw(10) with { ConfigurationSetName = "receipts\n" }, TestMessages.Timeout()), "ConfigurationSetName", EmailRules.ConfigurationSetName);

    [Fact]
    public async Task Fifty_distinct_destinations_are_sent_even_when_one_is_listed_twice() =>
        await Sent(ses => ses.SendRawEmailAsync(Raw(10) with
        {
            Destinations = Enumerable.Range(0, 50).Select(i => $"r{i}@example.com").Append("R7@example.com").ToList(),
        }, TestMessages.Timeout()));

    [Fact]
    public async Task A_source_with_a_display_name_is_sent() =>
        await Sent(ses => ses.SendEmailAsync(Simple() with { Source = "Acme Shop <shop@acme.example>" }, TestMessages.Timeout()));
}
