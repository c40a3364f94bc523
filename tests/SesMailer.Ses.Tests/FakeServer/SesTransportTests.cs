using SesMailer.TestSupport.FakeSes;
using SesMailer.Transport;
using Xunit;

namespace SesMailer.Ses.Tests.FakeServer;

/// <summary>SesTransport's envelope on the wire (the emulator ignores Destinations, configuration set and tags; the fake does not).</summary>
public sealed class SesTransportTests : IAsyncLifetime
{
    private FakeSesServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeSesServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_envelope_goes_out_as_Source_Destinations_ConfigurationSetName_and_Tags_with_the_bytes_untouched()
    {
        using var ses = FakeSes.Client(_server);
        var mime = TestMessages.Mime("Shop <shop@example.com>", "ann@example.com", "Receipt", "text", "<p>html</p>");

        var result = await new SesTransport(ses).SendAsync(new OutgoingEmail
        {
            Mime = mime,
            From = "shop@example.com",
            Destinations = ["ann@example.com", "audit@example.com"],
            ConfigurationSet = "receipts",
            Tags = [new("kind", "receipt")],
        }, TestMessages.Timeout());

        var request = Assert.Single(_server.Requests, r => r.Action == "SendRawEmail");
        Assert.Equal("SendRawEmail", request.Action);
        Assert.Equal(mime, Convert.FromBase64String(request["RawMessage.Data"]!));
        Assert.Equal("shop@example.com", request["Source"]);
        Assert.Equal(["ann@example.com", "audit@example.com"], request.List("Destinations"));
        Assert.Equal("receipts", request["ConfigurationSetName"]);
        Assert.Equal("kind", request["Tags.member.1.Name"]);
        Assert.Equal("receipt", request["Tags.member.1.Value"]);
        Assert.False(string.IsNullOrEmpty(result.MessageId));
    }

    [Fact]
    public async Task An_envelope_without_destinations_is_refused_before_anything_is_sent()
    {
        using var ses = FakeSes.Client(_server);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new SesTransport(ses).SendAsync(new OutgoingEmail
        {
            Mime = TestMessages.Mime("a@example.com", "b@example.com", "s", "t", "<p>h</p>"),
            From = "a@example.com",
            Destinations = [],
        }, TestMessages.Timeout()));

        Assert.Contains("Destinations", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }
}
