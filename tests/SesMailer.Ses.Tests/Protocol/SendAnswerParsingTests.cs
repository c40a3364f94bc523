using System.Net;
using SesMailer.Ses.Protocol;
using Xunit;

namespace SesMailer.Ses.Tests.Protocol;

/// <summary>
/// A send's answer is read by a plain-XML scanner when SES wrote it plainly, else by an XmlReader. Whatever the body,
/// the two must agree: the same message id and request id, or both refuse it. The scanner must also really take
/// SES's own answers (else the fast path is dead code) and decline what it does not check itself.
/// </summary>
public class SendAnswerParsingTests
{
    private const string Ns = PlainSentAnswer.SesNamespace;

    private const string SesAnswer = $"""
        <SendRawEmailResponse xmlns="{Ns}">
          <SendRawEmailResult>
            <MessageId>0100018c2d5a7f00-3f1b2c4d-000000</MessageId>
          </SendRawEmailResult>
          <ResponseMetadata>
            <RequestId>6a1c2e4b-8d3f-4a5b-9c7d-2e1f0a9b8c7d</RequestId>
          </ResponseMetadata>
        </SendRawEmailResponse>

        """;

    public static TheoryData<string, bool> Bodies => new()
    {
        // body, whether the plain scanner reads it itself (it declines every malformed body: the reader words the refusal)
        { SesAnswer, true },
        { "<SendRawEmailResponse><SendRawEmailResult><MessageId> m-1 </MessageId></SendRawEmailResult></SendRawEmailResponse>", true },
        { "<SendRawEmailResponse><SendRawEmailResult><MessageId/></SendRawEmailResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></SendRawEmailResponse>", true },
        { "<SendRawEmailResponse><SendRawEmailResult></SendRawEmailResult></SendRawEmailResponse>", true },
        { "<SendRawEmailResponse/>", true },
        { "<SendRawEmailResponse ><X-y.z_1/></SendRawEmailResponse >", true },
        { "<SendRawEmailResponse><SendRawEmailResult><MessageId>first</MessageId><MessageId>second</MessageId></SendRawEmailResult><SendRawEmailResult><MessageId>third</MessageId></SendRawEmailResult></SendRawEmailResponse>", true },
        { "<SendRawEmailResponse><Other><MessageId>not this</MessageId></Other><SendRawEmailResult><MessageId>this</MessageId></SendRawEmailResult></SendRawEmailResponse>", true },
        { "<SendEmailResponse><SendEmailResult><MessageId>m</MessageId></SendEmailResult></SendEmailResponse>", true },
        { "<ErrorResponse><Error><Code>X</Code></Error></ErrorResponse>", true },
        { "<SendRawEmailResponse><SendRawEmailResult><MessageId>m</MessageId></SendRawEmailResult>", false },
        { "<SendRawEmailResponse><SendRawEmailResult><MessageId>m</MessageID></SendRawEmailResult></SendRawEmailResponse>", false },
        { "<SendRawEmailResponse></SendRawEmailResponse><SendRawEmailResponse/>", false },
        { "<SendRawEmailResponse/>trailing", false },
        { "text<SendRawEmailResponse/>", false },
        { "</SendRawEmailResponse>", false },
        { "<SendRawEmailResponse><SendRawEmailResult><MessageId>m</MessageId></SendRawEmailResult></SendRawEmailRespons>", false },
        { "<SendRawEmailResponse><SendRawEmailResult><MessageId>m<", false },
        { "<SendRawEmailResponse><SendRawEmailResult><MessageId>m", false },
        { "<SendRawEmailResponse", false },
        { "", false },
        { "   ", false },
        { "<html><body>502 Bad Gateway</body></html>", true },
        { "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + SesAnswer, false },
        { "<!-- a comment -->" + SesAnswer, false },
        { "<!DOCTYPE x [<!ENTITY e 'boom'>]><SendRawEmailResponse>&e;</SendRawEmailResponse>", false },
        { "<SendRawEmailResponse><SendRawEmailResult><MessageId>a&amp;b</MessageId></SendRawEmailResult></SendRawEmailResponse>", false },
        { "<SendRawEmailResponse><SendRawEmailResult><MessageId><![CDATA[m]]></MessageId></SendRawEmailResult></SendRawEmailResponse>", false },
        { "<SendRawEmailResponse><SendRawEmailResult><MessageId>é-1</MessageId></SendRawEmailResult></SendRawEmailResponse>", false },
        { "<SendRawEmailResponse><SendRawEmailResult><MessageId>m\r\n</MessageId></SendRawEmailResult></SendRawEmailResponse>", false },
        { "<SendRawEmailResponse><SendRawEmailResult><MessageId>m]]>n</MessageId></SendRawEmailResult></SendRawEmailResponse>", false },
        { "<SendRawEmailResponse><SendRawEmailResult><MessageId>m<b>n</b></MessageId></SendRawEmailResult></SendRawEmailResponse>", false },
        { "<SendRawEmailResponse xmlns=\"urn:other\"><SendRawEmailResult><MessageId>m</MessageId></SendRawEmailResult></SendRawEmailResponse>", false },
        { $"<SendRawEmailResponse xmlns=\"{Ns}\" xmlns=\"{Ns}\"/>", false },
        { $"<SendRawEmailResponse><SendRawEmailResult xmlns=\"{Ns}\"/></SendRawEmailResponse>", false },
        { "<ses:SendRawEmailResponse xmlns:ses=\"urn:x\"><ses:SendRawEmailResult><ses:MessageId>m</ses:MessageId></ses:SendRawEmailResult></ses:SendRawEmailResponse>", false },
        { "<ses:SendRawEmailResponse/>", false },
        { "<SendRawEmailResponse a=\"1\" a=\"2\"/>", false },
        { "<1SendRawEmailResponse/>", false },
        { "<SendRawEmailResponse / >", false },
        { "<SendRawEmailResponse>\u0001</SendRawEmailResponse>", false },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void The_plain_scanner_and_the_XmlReader_agree(string body, bool plain)
    {
        Assert.Equal(plain, PlainSentAnswer.TryRead(body, "SendRawEmail", out _, out _, out _));

        var viaReader = Outcome(() => SesXml.ReadSent("SendRawEmail", HttpStatusCode.OK, body));
        var parsed = Outcome(() => SesXml.ParseSent("SendRawEmail", HttpStatusCode.OK, body));

        Assert.Equal(viaReader, parsed);
    }

    [Fact]
    public void SES_answer_gives_its_message_id_and_request_id()
    {
        var sent = SesXml.ParseSent("SendRawEmail", HttpStatusCode.OK, SesAnswer);

        Assert.Equal("0100018c2d5a7f00-3f1b2c4d-000000", sent.MessageId);
        Assert.Equal("6a1c2e4b-8d3f-4a5b-9c7d-2e1f0a9b8c7d", sent.RequestId);
    }

    [Fact]
    public void An_answer_that_is_not_XML_is_refused_with_the_answer_quoted()
    {
        var error = Assert.Throws<SesUnexpectedResponseException>(() => SesXml.ParseSent("SendRawEmail", HttpStatusCode.OK, "<SendRawEmailResponse><SendRawEmailResult><MessageId>0100"));

        Assert.Contains("<SendRawEmailResponse><SendRawEmailResult><MessageId>0100", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsRetryable);
    }

    [Theory]
    [InlineData("<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Maximum sending rate exceeded.</Message></Error><RequestId>r-1</RequestId></ErrorResponse>", "Throttling", "Maximum sending rate exceeded.", "r-1")]
    [InlineData("<Error><Code>MessageRejected</Code><Message>Email address is not verified.</Message><RequestId>r-2</RequestId></Error>", "MessageRejected", "Email address is not verified.", "r-2")]
    [InlineData("<ErrorResponse><Error><Code> InvalidParameterValue </Code><RequestId>inner</RequestId></Error><Error><Code>Second</Code></Error></ErrorResponse>", "InvalidParameterValue", "", "inner")]
    [InlineData("<ErrorResponse><RequestId>outer</RequestId><Error><Code>A</Code><Detail><Code>nested</Code></Detail><Message>m</Message><RequestId>inner</RequestId></Error></ErrorResponse>", "A", "m", "outer")]
    public void An_error_document_is_read_in_one_pass(string body, string code, string message, string requestId)
    {
        var error = SesXml.ParseError(HttpStatusCode.BadRequest, body);

        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.ErrorMessage);
        Assert.Equal(requestId, error.RequestId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>Bad Gateway</html>")]
    [InlineData("<ErrorResponse><Error><Message>no code</Message></Error></ErrorResponse>")]
    [InlineData("<ErrorResponse><Code>outside Error</Code></ErrorResponse>")]
    [InlineData("<ErrorResponse><Error><Code>X</Code></Error>")]
    public void A_body_that_is_not_an_SES_error_document_is_unexpected(string body)
    {
        var error = SesXml.ParseError(HttpStatusCode.BadGateway, body);

        var unexpected = Assert.IsType<SesUnexpectedResponseException>(error);
        Assert.True(unexpected.IsRetryable);
    }

    private static string Outcome(Func<SesXml.Sent> parse)
    {
        try
        {
            var sent = parse();
            return $"ok {sent.MessageId ?? "(none)"} {sent.RequestId}";
        }
        catch (SesUnexpectedResponseException e)
        {
            return "refused " + e.Message;
        }
    }
}
