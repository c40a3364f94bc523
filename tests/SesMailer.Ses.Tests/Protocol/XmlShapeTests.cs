using System.Net;
using System.Text;
using Xunit;
using SesMailer.Ses.Model;

namespace SesMailer.Ses.Tests.Protocol;

/// <summary>
/// The response and error shapes of the SES API reference (its examples, with their whitespace), parsed by the
/// client through a handler that answers them verbatim.
/// </summary>
public sealed class XmlShapeTests
{
    private const string Ns = "http://ses.amazonaws.com/doc/2010-12-01/";

    private static SesClient ClientAnswering(HttpStatusCode status, string body, Action<HttpRequestMessage, string>? inspect = null) =>
        new(new SesClientOptions
        {
            Region = "us-east-1",
            Retry = new SesRetryOptions { MaxRetryAttempts = 0 },
        }, new HttpClient(new Answering(status, body, inspect)), credentials: SesCredentials.FromAccessKey("AKIDEXAMPLE", "secret"));

    [Fact]
    public async Task GetSendStatistics_reads_members_numbers_and_timestamps()
    {
        var xml = $"""
            <GetSendStatisticsResponse xmlns="{Ns}">
              <GetSendStatisticsResult>
                <SendDataPoints>
                  <member>
                    <DeliveryAttempts>8</DeliveryAttempts>
                    <Timestamp>2011-08-03T19:23:00Z</Timestamp>
                    <Rejects>0</Rejects>
                    <Bounces>2</Bounces>
                    <Complaints>0</Complaints>
                  </member>
                  <member>
                    <DeliveryAttempts>7</DeliveryAttempts>
                    <Timestamp>2011-08-03T06:53:00Z</Timestamp>
                    <Rejects>0</Rejects>
                    <Bounces>2</Bounces>
                    <Complaints>0</Complaints>
                  </member>
                </SendDataPoints>
              </GetSendStatisticsResult>
              <ResponseMetadata>
                <RequestId>c2b66ee5-bd8d-11e0-9b5d-5b1d7da2b9a3</RequestId>
              </ResponseMetadata>
            </GetSendStatisticsResponse>
            """;
        using var ses = ClientAnswering(HttpStatusCode.OK, xml);

        var stats = await ses.GetSendStatisticsAsync();

        Assert.Equal("c2b66ee5-bd8d-11e0-9b5d-5b1d7da2b9a3", stats.RequestId);
        Assert.Equal(new SendDataPoint(new DateTimeOffset(2011, 8, 3, 6, 53, 0, TimeSpan.Zero), 7, 2, 0, 0), stats.SendDataPoints[0]);
        Assert.Equal(new DateTimeOffset(2011, 8, 3, 19, 23, 0, TimeSpan.Zero), stats.SendDataPoints[1].Timestamp);
    }

    [Fact]
    public async Task GetSendQuota_reads_doubles()
    {
        var xml = $"""
            <GetSendQuotaResponse xmlns="{Ns}">
              <GetSendQuotaResult>
                <SentLast24Hours>127.0</SentLast24Hours>
                <Max24HourSend>200.0</Max24HourSend>
                <MaxSendRate>1.0</MaxSendRate>
              </GetSendQuotaResult>
              <ResponseMetadata>
                <RequestId>273021c6-c866-11e0-b926-699e21c3af9e</RequestId>
              </ResponseMetadata>
            </GetSendQuotaResponse>
            """;
        using var ses = ClientAnswering(HttpStatusCode.OK, xml);

        var quota = await ses.GetSendQuotaAsync();

        Assert.Equal((127.0, 200.0, 1.0), (quota.SentLast24Hours, quota.Max24HourSend, quota.MaxSendRate));
        Assert.False(quota.IsUnlimited);
        Assert.Equal("273021c6-c866-11e0-b926-699e21c3af9e", quota.RequestId);
    }

    [Fact]
    public async Task GetIdentityVerificationAttributes_reads_entries()
    {
        var xml = $"""
            <GetIdentityVerificationAttributesResponse xmlns="{Ns}">
              <GetIdentityVerificationAttributesResult>
                <VerificationAttributes>
                  <entry>
                    <key>domain.com</key>
                    <value>
                      <VerificationStatus>Pending</VerificationStatus>
                      <VerificationToken>QTKknzFg2J4ygwa+XvHAxUl1hyHoY0gVfZdfjIedHZ0=</VerificationToken>
                    </value>
                  </entry>
                  <entry>
                    <key>user@domain.com</key>
                    <value>
                      <VerificationStatus>Success</VerificationStatus>
                    </value>
                  </entry>
                </VerificationAttributes>
              </GetIdentityVerificationAttributesResult>
              <ResponseMetadata>
                <RequestId>1d0c29f1-9bf3-11e1-8ee7-c98a0037a2b6</RequestId>
              </ResponseMetadata>
            </GetIdentityVerificationAttributesResponse>
            """;
        string? sentBody = null;
        using var ses = ClientAnswering(HttpStatusCode.OK, xml, (_, body) => sentBody = body);

        var result = await ses.GetIdentityVerificationAttributesAsync(new(["user@domain.com", "domain.com"]));

        Assert.Equal("Action=GetIdentityVerificationAttributes&Version=2010-12-01&Identities.member.1=user%40domain.com&Identities.member.2=domain.com", sentBody);
        Assert.Equal(new IdentityVerificationAttributes(VerificationStatus.Pending, "QTKknzFg2J4ygwa+XvHAxUl1hyHoY0gVfZdfjIedHZ0="), result.VerificationAttributes["domain.com"]);
        Assert.Equal(new IdentityVerificationAttributes(VerificationStatus.Success, null), result.VerificationAttributes["user@domain.com"]);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "MessageRejected", "Email address is not verified.", typeof(SesMessageRejectedException), false)]
    [InlineData(HttpStatusCode.BadRequest, "Throttling", "Maximum sending rate exceeded.", typeof(SesSendingRateExceededException), true)]
    [InlineData(HttpStatusCode.BadRequest, "Throttling", "Daily message quota exceeded.", typeof(SesDailyQuotaExceededException), false)]
    [InlineData(HttpStatusCode.BadRequest, "Throttling", "Rate exceeded", typeof(SesThrottlingException), true)]
    [InlineData(HttpStatusCode.BadRequest, "MailFromDomainNotVerifiedException", "MAIL FROM domain is not verified.", typeof(SesMailFromDomainNotVerifiedException), false)]
    [InlineData(HttpStatusCode.BadRequest, "ConfigurationSetDoesNotExist", "Configuration set <x> does not exist.", typeof(SesConfigurationSetDoesNotExistException), false)]
    [InlineData(HttpStatusCode.BadRequest, "AccountSendingPausedException", "Sending is paused for this account.", typeof(SesSendingPausedException), false)]
    [InlineData(HttpStatusCode.BadRequest, "ConfigurationSetSendingPausedException", "Sending is paused.", typeof(SesSendingPausedException), false)]
    [InlineData(HttpStatusCode.Forbidden, "SignatureDoesNotMatch", "The request signature we calculated does not match.", typeof(SesAuthenticationException), false)]
    [InlineData(HttpStatusCode.Forbidden, "InvalidClientTokenId", "The security token included in the request is invalid.", typeof(SesAuthenticationException), false)]
    [InlineData(HttpStatusCode.BadRequest, "RequestExpired", "Request has expired.", typeof(SesAuthenticationException), false)]
    [InlineData(HttpStatusCode.BadRequest, "InvalidParameterValue", "Missing final '@domain'", typeof(SesException), false)]
    [InlineData(HttpStatusCode.InternalServerError, "InternalFailure", "Unknown error.", typeof(SesException), true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", "Service is unavailable.", typeof(SesException), true)]
    public async Task ErrorResponse_becomes_the_exception_for_its_code(HttpStatusCode status, string code, string message, Type expected, bool retryable)
    {
        var xml = $"""
            <ErrorResponse xmlns="{Ns}">
              <Error>
                <Type>Sender</Type>
                <Code>{code}</Code>
                <Message>{System.Security.SecurityElement.Escape(message)}</Message>
              </Error>
              <RequestId>e21f4e9b-8d4b-11e0-9e5a-0f7d0a8d2c1b</RequestId>
            </ErrorResponse>
            """;
        using var ses = ClientAnswering(status, xml);

        var error = await Assert.ThrowsAnyAsync<SesException>(() => ses.GetSendQuotaAsync());

        Assert.IsType(expected, error);
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.ErrorMessage);
        Assert.Equal("e21f4e9b-8d4b-11e0-9e5a-0f7d0a8d2c1b", error.RequestId);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(retryable, error.IsRetryable);
        Assert.Equal($"{code}: {message} (request id e21f4e9b-8d4b-11e0-9e5a-0f7d0a8d2c1b)", error.Message);
    }

    [Fact]
    public async Task A_success_answer_missing_a_documented_member_is_reported_not_defaulted()
    {
        var xml = $"<SendRawEmailResponse xmlns=\"{Ns}\"><SendRawEmailResult></SendRawEmailResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></SendRawEmailResponse>";
        using var ses = ClientAnswering(HttpStatusCode.OK, xml);

        var error = await Assert.ThrowsAsync<SesUnexpectedResponseException>(() => ses.SendRawEmailAsync(new SendRawEmailRequest { RawMessage = "x"u8.ToArray() }));

        Assert.Contains("no <MessageId>", error.Message, StringComparison.Ordinal);
    }

    // Plain ASCII answers are read from their bytes, others from their text (SesXml.ReaderOf): both must read alike.
    [Theory]
    [InlineData("", "0100-abc")]
    [InlineData("<?xml version=\"1.0\"?>", "0100-abc")]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "0100-abc")]
    [InlineData("<?xml version=\"1.0\" encoding=\"utf-16\"?>", "0100-abc")]
    [InlineData("", "0100-\u00e9t\u00e9")]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "0100-\u00e9t\u00e9")]
    public async Task A_send_answer_reads_alike_from_bytes_or_text(string declaration, string messageId)
    {
        var xml = $"{declaration}<SendRawEmailResponse xmlns=\"{Ns}\"><SendRawEmailResult><MessageId>{messageId}</MessageId></SendRawEmailResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></SendRawEmailResponse>";
        using var ses = ClientAnswering(HttpStatusCode.OK, xml);

        var sent = await ses.SendRawEmailAsync(new SendRawEmailRequest { RawMessage = "x"u8.ToArray() });

        Assert.Equal(messageId, sent.MessageId);
        Assert.Equal("r-1", sent.RequestId);
    }

    [Theory]
    [InlineData("<SendRawEmailResponse><SendRawEmailResult><MessageId>m</MessageId></SendRawEmailResult>")]
    [InlineData("<SendRawEmailResponse><SendRawEmailResult><MessageId>m</MessageId></SendRawEmailResult></SendRawEmailResponse><extra/>")]
    [InlineData("<SendRawEmailResponse><SendRawEmailResult><MessageId>\u00e9</MessageId></SendRawEmailResult>")]
    public async Task A_malformed_send_answer_is_in_doubt_from_bytes_or_text(string xml)
    {
        using var ses = ClientAnswering(HttpStatusCode.OK, xml);

        await Assert.ThrowsAsync<SesInDoubtException>(() => ses.SendRawEmailAsync(new SendRawEmailRequest { RawMessage = "x"u8.ToArray() }));
    }

    private sealed class Answering(HttpStatusCode status, string body, Action<HttpRequestMessage, string>? inspect) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var sent = await request.Content!.ReadAsStringAsync(cancellationToken);
            inspect?.Invoke(request, sent);
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "text/xml") };
        }
    }
}
