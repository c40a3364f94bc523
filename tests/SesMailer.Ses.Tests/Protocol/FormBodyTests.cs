using System.Text;
using SesMailer.Ses.Protocol;
using Xunit;

namespace SesMailer.Ses.Tests.Protocol;

/// <summary>The pooled form body: the same bytes as encoding through strings, and buffers kept while a write runs.</summary>
public class FormBodyTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3 * 1024)]
    [InlineData((3 * 1024) + 1)]
    [InlineData(200_000)]
    public void Base64_body_equals_the_string_encoding(int size)
    {
        var data = new byte[size];
        new Random(size).NextBytes(data);
        using var body = new QueryRequest("SendRawEmail").AddBase64("RawMessage.Data", data).Add("Source", "a+b@example.com").ToFormBody();

        var expected = "Action=SendRawEmail&Version=2010-12-01&RawMessage.Data=" + Uri.EscapeDataString(Convert.ToBase64String(data)) + "&Source=a%2Bb%40example.com";
        Assert.Equal(expected, Encoding.ASCII.GetString(body.ToArray()));
        Assert.Equal(expected.Length, body.Length);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.ASCII.GetBytes(expected))), body.HexSha256());
    }

    [Fact]
    public async Task A_disposed_body_refuses_to_be_written()
    {
        var body = new QueryRequest("GetSendQuota").ToFormBody();
        body.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => body.WriteToAsync(Stream.Null, CancellationToken.None));
    }
}
