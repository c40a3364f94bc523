using System.Net;
using SesMailer.TestSupport.FakeSes;
using Xunit;
using SesMailer.Ses.Model;

namespace SesMailer.Ses.Tests.FakeServer;

/// <summary>
/// Answers SES never gives, from a proxy or a wrong endpoint: bodies far larger than any SES answer, and paging
/// tokens that come back again. The client stops with a clear error instead of buffering or looping without end.
/// </summary>
public sealed class MisbehavingEndpointTests : IAsyncLifetime
{
    private const int OneGiB = 1024 * 1024 * 1024;

    private FakeSesServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeSesServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_the_default_limit_is_refused_without_reading_it_all(bool declareLength)
    {
        var counter = new ReadCounter(new SocketsHttpHandler());
        using var http = new HttpClient(counter);
        using var ses = Client(SesClientOptions.DefaultMaxResponseBytes, http);
        _server.EnqueueFault(FakeSesFault.Oversized(OneGiB, declareLength));

        var error = await Assert.ThrowsAsync<SesResponseTooLargeException>(() => ses.GetSendQuotaAsync(TestMessages.Timeout()));

        Assert.Equal(SesClientOptions.DefaultMaxResponseBytes, error.Limit);
        Assert.Equal(1024 * 1024, error.Limit);
        Assert.Equal(declareLength ? OneGiB : null, error.DeclaredLength);
        Assert.Equal("ResponseTooLarge", error.Code);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Contains("SesClientOptions.MaxResponseBytes (1,048,576 bytes)", error.Message, StringComparison.Ordinal);
        Assert.Contains("GetSendQuota", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsRetryable);
        Assert.False(error.IsInDoubt);
        Assert.Single(_server.Requests);
        // What the client took from the body: nothing when the length was declared, else the limit and one read more.
        Assert.InRange(counter.BytesRead, 0, declareLength ? 0 : error.Limit + (64 * 1024));
    }

    [Fact]
    public async Task The_limit_is_exact_and_configurable()
    {
        using var probe = FakeSes.Client(_server);
        await probe.GetSendQuotaAsync(TestMessages.Timeout());
        var size = _server.LastResponseBytes;

        using var exact = Client(maxResponseBytes: size);
        using var oneLess = Client(maxResponseBytes: size - 1);
        var quota = await exact.GetSendQuotaAsync(TestMessages.Timeout());
        var error = await Assert.ThrowsAsync<SesResponseTooLargeException>(() => oneLess.GetSendQuotaAsync(TestMessages.Timeout()));

        Assert.Equal(200, quota.Max24HourSend);
        Assert.Equal(size - 1, error.Limit);
        Assert.Equal(size, error.DeclaredLength);
    }

    [Fact]
    public async Task An_oversized_answer_to_a_send_is_in_doubt_and_not_resent()
    {
        using var ses = FakeSes.Client(_server);
        _server.EnqueueFault(FakeSesFault.Oversized(8 * 1024 * 1024, declareLength: false), "SendRawEmail");

        var error = await Assert.ThrowsAsync<SesResponseTooLargeException>(() => ses.SendRawEmailAsync(new SendRawEmailRequest
        {
            RawMessage = TestMessages.Mime("a@example.com", "b@example.com", "s", "t", "<p>h</p>"),
            Destinations = ["b@example.com"],
        }, TestMessages.Timeout()));

        Assert.True(error.IsInDoubt);
        Assert.False(error.IsRetryable);
        Assert.Contains("may have been accepted", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_limit_that_is_not_positive_is_refused_naming_the_setting(int limit)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Client(limit));

        Assert.Contains("SesClientOptions.MaxResponseBytes must be positive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paging_that_gets_the_same_NextToken_again_stops_with_an_error()
    {
        using var ses = FakeSes.Client(_server);
        _server.State.AddIdentity("a@example.com");
        _server.State.StuckNextToken = "c3R1Y2s=";

        var error = await Assert.ThrowsAsync<SesPagingLoopException>(() => ses.ListAllIdentitiesAsync(cancellationToken: TestMessages.Timeout()));

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal("c3R1Y2s=", _server.Requests[1]["NextToken"]);
        Assert.Equal("ListIdentities", error.Action);
        Assert.Equal("c3R1Y2s=", error.NextToken);
        Assert.Equal(2, error.Pages);
        Assert.Equal("PagingLoop", error.Code);
        Assert.False(error.IsRetryable);
        Assert.StartsWith("fake-0002-", error.RequestId, StringComparison.Ordinal);
        Assert.Contains("NextToken \"c3R1Y2s=\" a second time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paging_that_cycles_through_tokens_stops_at_the_first_repeat()
    {
        using var ses = FakeSes.Client(_server);
        foreach (var (identity, next) in new[] { ("a@example.com", "A"), ("b@example.com", "B"), ("c@example.com", "A") })
        {
            _server.EnqueueFault(FakeSesFault.Malformed(HttpStatusCode.OK, Page(identity, next), "text/xml"), "ListIdentities");
        }

        var error = await Assert.ThrowsAsync<SesPagingLoopException>(() => ses.ListAllIdentitiesAsync(cancellationToken: TestMessages.Timeout()));

        Assert.Equal([null, "A", "B"], _server.Requests.Select(r => r["NextToken"]));
        Assert.Equal("A", error.NextToken);
        Assert.Equal(3, error.Pages);
    }

    private static string Page(string identity, string nextToken) =>
        "<ListIdentitiesResponse xmlns=\"http://ses.amazonaws.com/doc/2010-12-01/\"><ListIdentitiesResult>" +
        $"<Identities><member>{identity}</member></Identities><NextToken>{nextToken}</NextToken></ListIdentitiesResult>" +
        "<ResponseMetadata><RequestId>page</RequestId></ResponseMetadata></ListIdentitiesResponse>";

    private SesClient Client(int maxResponseBytes, HttpClient? http = null)
    {
        _server.ExpectedCredentials = new(FakeSes.AccessKey, FakeSes.SecretKey, null);
        return new SesClient(new SesClientOptions
        {
            Region = "us-west-2",
            Endpoint = _server.Endpoint,
            MaxResponseBytes = maxResponseBytes,
        }, http, credentials: SesCredentials.FromAccessKey(FakeSes.AccessKey, FakeSes.SecretKey));
    }

    /// <summary>Counts the response body bytes the client reads (the handler's own draining is below it, not counted).</summary>
    private sealed class ReadCounter(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private long _bytesRead;

        public long BytesRead => Interlocked.Read(ref _bytesRead);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var body = new CountingStream(await response.Content.ReadAsStreamAsync(cancellationToken), n => Interlocked.Add(ref _bytesRead, n));
            var counted = new StreamContent(body);
            foreach (var header in response.Content.Headers)
            {
                counted.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = counted;
            return response;
        }
    }

    private sealed class CountingStream(Stream inner, Action<int> onRead) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Counted(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Counted(int read)
        {
            onRead(read);
            return read;
        }
    }
}
