using SesMailer.TestSupport.FakeSes;
using Xunit;
using SesMailer.Ses.Model;

#pragma warning disable CS0618 // The deprecated SES calls are tested on purpose.

namespace SesMailer.Ses.Tests.FakeServer;

/// <summary>Every SES call against the local fake: marshalling on the wire, signatures, and typed answers.</summary>
public sealed class CallTests : IAsyncLifetime
{
    private FakeSesServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeSesServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_seed_calls_verify_list_and_delete_an_address()
    {
        using var ses = FakeSes.Client(_server);

        var verify = await ses.VerifyEmailAddressAsync(new("ann@example.com"), TestMessages.Timeout());
        _server.State.MarkVerified("ann@example.com");
        var listed = await ses.ListVerifiedEmailAddressesAsync(TestMessages.Timeout());
        await ses.DeleteVerifiedEmailAddressAsync(new("ann@example.com"), TestMessages.Timeout());
        var after = await ses.ListVerifiedEmailAddressesAsync(TestMessages.Timeout());

        Assert.StartsWith("fake-", verify.RequestId, StringComparison.Ordinal);
        Assert.Equal(["ann@example.com"], listed.VerifiedEmailAddresses);
        Assert.Empty(after.VerifiedEmailAddresses);
        Assert.All(_server.Requests, r => Assert.True(r.SignatureValid));
        Assert.Equal("ann@example.com", _server.Requests[0]["EmailAddress"]);
    }

    [Fact]
    public async Task Identities_are_verified_listed_by_page_and_type_inspected_and_deleted()
    {
        using var ses = FakeSes.Client(_server);
        await ses.VerifyEmailIdentityAsync(new("a@example.com"), TestMessages.Timeout());
        var domain = await ses.VerifyDomainIdentityAsync(new("example.com"), TestMessages.Timeout());
        await ses.VerifyEmailIdentityAsync(new("b@example.com"), TestMessages.Timeout());

        var firstPage = await ses.ListIdentitiesAsync(new ListIdentitiesRequest { MaxItems = 2 }, TestMessages.Timeout());
        var secondPage = await ses.ListIdentitiesAsync(new ListIdentitiesRequest { MaxItems = 2, NextToken = firstPage.NextToken }, TestMessages.Timeout());
        var domains = await ses.ListIdentitiesAsync(new ListIdentitiesRequest { IdentityType = IdentityType.Domain }, TestMessages.Timeout());
        _server.State.DefaultPageSize = 1;
        var all = await ses.ListAllIdentitiesAsync(cancellationToken: TestMessages.Timeout());

        Assert.False(string.IsNullOrEmpty(domain.VerificationToken));
        Assert.Equal(["a@example.com", "example.com"], firstPage.Identities);
        Assert.NotNull(firstPage.NextToken);
        Assert.Equal(["b@example.com"], secondPage.Identities);
        Assert.Null(secondPage.NextToken);
        Assert.Equal(["example.com"], domains.Identities);
        Assert.Equal(["a@example.com", "example.com", "b@example.com"], all);
        Assert.Equal("Domain", _server.Requests.Last(r => r["IdentityType"] is not null)["IdentityType"]);

        _server.State.MarkVerified("a@example.com");
        var attributes = await ses.GetIdentityVerificationAttributesAsync(new(["a@example.com", "example.com", "unknown@example.com"]), TestMessages.Timeout());
        Assert.Equal(VerificationStatus.Success, attributes.VerificationAttributes["a@example.com"].VerificationStatus);
        Assert.Equal(VerificationStatus.Pending, attributes.VerificationAttributes["example.com"].VerificationStatus);
        Assert.Equal(domain.VerificationToken, attributes.VerificationAttributes["example.com"].VerificationToken);
        Assert.False(attributes.VerificationAttributes.ContainsKey("unknown@example.com"));

        await ses.DeleteIdentityAsync(new("example.com"), TestMessages.Timeout());
        Assert.DoesNotContain("example.com", await ses.ListAllIdentitiesAsync(cancellationToken: TestMessages.Timeout()));
        Assert.All(_server.Requests, r => Assert.True(r.SignatureValid));
    }

    [Fact]
    public async Task Verification_attributes_are_asked_100_identities_at_a_time()
    {
        using var ses = FakeSes.Client(_server);
        var identities = Enumerable.Range(0, 250).Select(i => $"user{i}@example.com").ToList();
        foreach (var identity in identities.Take(3))
        {
            _server.State.AddIdentity(identity, "Success");
        }

        var attributes = await ses.GetIdentityVerificationAttributesAsync(new(identities), TestMessages.Timeout());

        var calls = _server.Requests.Where(r => r.Action == "GetIdentityVerificationAttributes").ToList();
        Assert.Equal([100, 100, 50], calls.Select(c => c.List("Identities").Count));
        Assert.Equal("user100@example.com", calls[1]["Identities.member.1"]);
        Assert.Equal(3, attributes.VerificationAttributes.Count);
        Assert.Equal(3, attributes.RequestIds.Count);
        Assert.Equal(attributes.RequestIds[^1], attributes.RequestId);
    }

    [Fact]
    public async Task SendEmail_puts_every_part_on_the_wire()
    {
        using var ses = FakeSes.Client(_server);

        var sent = await ses.SendEmailAsync(new SendEmailRequest
        {
            Source = "shop@example.com",
            ToAddresses = ["ann@example.com", "ben@example.com"],
            CcAddresses = ["cc@example.com"],
            BccAddresses = ["bcc@example.com"],
            ReplyToAddresses = ["help@example.com"],
            Subject = "Your order & receipt",
            TextBody = "Total: 12 €",
            HtmlBody = "<p>Total: 12 €</p>",
            ReturnPath = "bounces@example.com",
            ConfigurationSetName = "receipts",
            Tags = [new("kind", "receipt"), new("tenant", "acme-1")],
            SourceArn = "arn:aws:ses:us-west-2:123456789012:identity/example.com",
            ReturnPathArn = "arn:aws:ses:us-west-2:123456789012:identity/bounces.example.com",
        }, TestMessages.Timeout());

        var request = Assert.Single(_server.Requests);
        Assert.True(request.SignatureValid);
        Assert.Equal("SendEmail", request.Action);
        Assert.Equal("shop@example.com", request["Source"]);
        Assert.Equal(["ann@example.com", "ben@example.com"], request.List("Destination.ToAddresses"));
        Assert.Equal(["cc@example.com"], request.List("Destination.CcAddresses"));
        Assert.Equal(["bcc@example.com"], request.List("Destination.BccAddresses"));
        Assert.Equal(["help@example.com"], request.List("ReplyToAddresses"));
        Assert.Equal("Your order & receipt", request["Message.Subject.Data"]);
        Assert.Equal("UTF-8", request["Message.Subject.Charset"]);
        Assert.Equal("Total: 12 €", request["Message.Body.Text.Data"]);
        Assert.Equal("<p>Total: 12 €</p>", request["Message.Body.Html.Data"]);
        Assert.Equal("UTF-8", request["Message.Body.Html.Charset"]);
        Assert.Equal("bounces@example.com", request["ReturnPath"]);
        Assert.Equal("receipts", request["ConfigurationSetName"]);
        Assert.Equal("kind", request["Tags.member.1.Name"]);
        Assert.Equal("receipt", request["Tags.member.1.Value"]);
        Assert.Equal("tenant", request["Tags.member.2.Name"]);
        Assert.Equal("acme-1", request["Tags.member.2.Value"]);
        Assert.Equal("arn:aws:ses:us-west-2:123456789012:identity/example.com", request["SourceArn"]);
        Assert.Equal("arn:aws:ses:us-west-2:123456789012:identity/bounces.example.com", request["ReturnPathArn"]);
        Assert.Equal("2010-12-01", request["Version"]);
        Assert.StartsWith("application/x-www-form-urlencoded; charset=utf-8", request.Headers["content-type"], StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(sent.MessageId));
        Assert.False(string.IsNullOrEmpty(sent.RequestId));
    }

    [Fact]
    public async Task SendRawEmail_sends_the_bytes_base64_with_source_destinations_configuration_set_tags_and_arns()
    {
        using var ses = FakeSes.Client(_server, token: FakeSes.SessionToken);
        var mime = TestMessages.Mime("shop@example.com", "ann@example.com", "Hi", "text", "<p>html</p>");

        await ses.SendRawEmailAsync(new SendRawEmailRequest
        {
            RawMessage = mime,
            Source = "shop@example.com",
            Destinations = ["ann@example.com", "secret-bcc@example.com"],
            ConfigurationSetName = "transactional",
            Tags = [new("kind", "welcome")],
            FromArn = "arn:aws:ses:us-west-2:1:identity/a",
            SourceArn = "arn:aws:ses:us-west-2:1:identity/b",
            ReturnPathArn = "arn:aws:ses:us-west-2:1:identity/c",
        }, TestMessages.Timeout());

        var request = Assert.Single(_server.Requests);
        Assert.True(request.SignatureValid);
        Assert.Equal(FakeSes.SessionToken, request.Headers["x-amz-security-token"]);
        Assert.Contains("x-amz-security-token", request.Headers["authorization"], StringComparison.Ordinal);
        Assert.Contains("/us-west-2/ses/aws4_request", request.Headers["authorization"], StringComparison.Ordinal);
        Assert.Equal(mime, Convert.FromBase64String(request["RawMessage.Data"]!));
        Assert.Equal("shop@example.com", request["Source"]);
        Assert.Equal(["ann@example.com", "secret-bcc@example.com"], request.List("Destinations"));
        Assert.Equal("transactional", request["ConfigurationSetName"]);
        Assert.Equal("kind", request["Tags.member.1.Name"]);
        Assert.Equal("welcome", request["Tags.member.1.Value"]);
        Assert.Equal("arn:aws:ses:us-west-2:1:identity/a", request["FromArn"]);
        Assert.Equal("arn:aws:ses:us-west-2:1:identity/b", request["SourceArn"]);
        Assert.Equal("arn:aws:ses:us-west-2:1:identity/c", request["ReturnPathArn"]);
    }

    [Fact]
    public async Task Quota_and_statistics_are_numbers_and_timestamps()
    {
        using var ses = FakeSes.Client(_server);
        _server.State.Max24HourSend = -1;
        _server.State.MaxSendRate = 14;
        _server.State.SentLast24Hours = 3;
        var t0 = new DateTimeOffset(2026, 11, 24, 10, 15, 0, TimeSpan.Zero);
        _server.State.DataPoints.Add((t0.AddMinutes(15), 10, 1, 0, 0));
        _server.State.DataPoints.Add((t0, 30, 1, 1, 2));

        var quota = await ses.GetSendQuotaAsync(TestMessages.Timeout());
        var stats = await ses.GetSendStatisticsAsync(TestMessages.Timeout());

        Assert.Equal(-1, quota.Max24HourSend);
        Assert.True(quota.IsUnlimited);
        Assert.Equal(14, quota.MaxSendRate);
        Assert.Equal(3, quota.SentLast24Hours);
        Assert.Equal([t0, t0.AddMinutes(15)], stats.SendDataPoints.Select(p => p.Timestamp));
        Assert.Equal(new SendDataPoint(t0, 30, 1, 1, 2), stats.SendDataPoints[0]);
        Assert.Equal(40, stats.DeliveryAttempts);
        Assert.Equal(0.05, stats.BounceRate, 10);
        Assert.Equal(0.025, stats.ComplaintRate, 10);
    }

    [Fact]
    public async Task A_wrong_secret_gets_SignatureDoesNotMatch_as_an_authentication_error_never_retried()
    {
        using var ses = FakeSes.Client(_server);
        _server.ExpectedCredentials = new Amazon.Runtime.ImmutableCredentials(FakeSes.AccessKey, "a-different-secret", null);

        var error = await Assert.ThrowsAsync<SesAuthenticationException>(() => ses.GetSendQuotaAsync(TestMessages.Timeout()));

        Assert.Equal("SignatureDoesNotMatch", error.Code);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
        Assert.False(error.IsRetryable);
        Assert.Single(_server.Requests);
    }
}
