using System.Net;
using System.Text;

namespace SesMailer.Benchmarks.Ses;

/// <summary>
/// Stands in for the network: reads the whole request body, as a socket would, and answers with the
/// SendRawEmail success document of the SES API reference. It can keep the last request for the pre-run check.
/// </summary>
public sealed class SesSuccessHandler : HttpMessageHandler
{
    /// <summary>The message id in the answer.</summary>
    public const string MessageId = "0100019ab2c3d4e5-6f7a8b9c-1d2e-4f5a-9b8c-7d6e5f4a3b2c-000000";

    /// <summary>SES's SendRawEmail success document carrying <see cref="MessageId"/>: every stand-in for SES here answers it.</summary>
    public const string SuccessXml = $"""
        <SendRawEmailResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/">
          <SendRawEmailResult>
            <MessageId>{MessageId}</MessageId>
          </SendRawEmailResult>
          <ResponseMetadata>
            <RequestId>6a1c2e4b-8d3f-4a5b-9c7d-2e1f0a9b8c7d</RequestId>
          </ResponseMetadata>
        </SendRawEmailResponse>
        """;

    /// <summary>When <see langword="true"/>, the body and Authorization header of each request are kept.</summary>
    public bool Record { get; set; }

    /// <summary>The body of the last recorded request.</summary>
    public byte[]? LastBody { get; private set; }

    /// <summary>The Authorization header of the last recorded request.</summary>
    public string? LastAuthorization { get; private set; }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Record)
        {
            LastBody = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            // Read unvalidated: a SigV4 value does not parse as an AuthenticationHeaderValue, so the typed
            // property would be null for every request and a comparison of two nulls would prove nothing.
            LastAuthorization = request.Headers.NonValidated.TryGetValues("Authorization", out var values)
                ? values.ToString()
                : throw new InvalidOperationException("The request has no Authorization header.");
        }
        else if (request.Content is not null)
        {
            await request.Content.CopyToAsync(Stream.Null, cancellationToken);
        }

        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(SuccessXml, Encoding.UTF8, "text/xml"),
            RequestMessage = request,
        };
    }
}
