using System.Net;
using System.Text;
using SesMailer.Ses.Protocol;
using Xunit;

namespace SesMailer.Ses.Tests.Protocol;

/// <summary>
/// Reading an answer into one pooled buffer: decoded by its byte order mark first (even under another declared
/// charset), then the declared charset, else UTF-8; bodies longer than the first buffer are read whole, and a body
/// over the limit gives null whether or not its length was declared.
/// </summary>
public sealed class LimitedBodyTests
{
    private const string Xml = "<SendRawEmailResponse><SendRawEmailResult><MessageId>é-1</MessageId></SendRawEmailResult></SendRawEmailResponse>";

    public static TheoryData<string, byte[], string?> Encodings() => new()
    {
        { "UTF-8, no charset", Encoding.UTF8.GetBytes(Xml), null },
        { "UTF-8 with a byte order mark", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Xml)], "utf-8" },
        { "UTF-16 with a byte order mark, charset utf-16", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Xml)], "utf-16" },
        { "UTF-16 big-endian mark under a wrong charset", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Xml)], "iso-8859-1" },
        { "ISO-8859-1, declared", Encoding.Latin1.GetBytes(Xml), "iso-8859-1" },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task Decodes_by_byte_order_mark_then_charset_then_UTF8(string why, byte[] bytes, string? charset)
    {
        using var content = Content(bytes, charset, declareLength: true);

        var text = await LimitedBody.ReadAsync(content, 1024 * 1024, CancellationToken.None);

        Assert.True(text == Xml, $"{why}: {text}");
    }

    [Fact]
    public async Task An_unknown_charset_is_read_as_UTF8()
    {
        using var content = Content(Encoding.UTF8.GetBytes(Xml), "x-no-such-charset", declareLength: true);

        Assert.Equal(Xml, await LimitedBody.ReadAsync(content, 1024 * 1024, CancellationToken.None));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Reads_a_body_longer_than_the_first_buffer_whole(bool declareLength)
    {
        var body = "<a>" + new string('x', 200_000) + "ü</a>";
        using var content = Content(Encoding.UTF8.GetBytes(body), "utf-8", declareLength);

        var text = await LimitedBody.ReadAsync(content, 1024 * 1024, CancellationToken.None);

        Assert.Equal(body, text);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_limit_gives_null(bool declareLength)
    {
        using var content = Content(new byte[5_001], null, declareLength);

        Assert.Null(await LimitedBody.ReadAsync(content, 5_000, CancellationToken.None));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_of_exactly_the_limit_is_read(bool declareLength)
    {
        var bytes = Enumerable.Repeat((byte)'a', 5_000).ToArray();
        using var content = Content(bytes, null, declareLength);

        Assert.Equal(new string('a', 5_000), await LimitedBody.ReadAsync(content, 5_000, CancellationToken.None));
    }

    [Fact]
    public async Task An_empty_body_is_empty_text()
    {
        using var content = Content([], null, declareLength: true);

        Assert.Equal(string.Empty, await LimitedBody.ReadAsync(content, 5_000, CancellationToken.None));
    }

    private static HttpContent Content(byte[] bytes, string? charset, bool declareLength)
    {
        HttpContent content = declareLength ? new ByteArrayContent(bytes) : new UndeclaredLength(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", charset is null ? "text/xml" : $"text/xml; charset={charset}");
        return content;
    }

    /// <summary>A body sent without Content-Length (as a chunked answer is), in small reads.</summary>
    private sealed class UndeclaredLength(byte[] bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < bytes.Length; offset += 1000)
            {
                await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(1000, bytes.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
