using SesMailer.Aot.Tests.Support;
using Xunit;

namespace SesMailer.Aot.Tests;

/// <summary>The normalizer hides what differs between runs, and only that: the comparisons above can fail.</summary>
public sealed class MessageNormalizerTests
{
    private const string Message =
        "From: Acme <hello@acme.example>\r\n" +
        "Date: Sat, 28 Nov 2026 08:20:39 +0000\r\n" +
        "Subject: Welcome to Acme, Ann!\r\n" +
        "Message-Id: <41df1b17a37445b78d19bc7412c8bd71@acme.example>\r\n" +
        "X-SesMailer-Id: 0193f1c2-7a1e-7d2b-9c3a-4f5e6d7c8b9a\r\n" +
        "X-Tags: sesmailer-id=0193f1c2-7a1e-7d2b-9c3a-4f5e6d7c8b9a\r\n" +
        "Content-Type: multipart/alternative; boundary=\"=-7LsP2rhOA/J8OEA/0002Kw==\"\r\n" +
        "\r\n" +
        "--=-7LsP2rhOA/J8OEA/0002Kw==\r\n" +
        "Content-Type: text/plain; charset=utf-8\r\n" +
        "\r\n" +
        "Welcome to Acme, Ann!\r\n" +
        "--=-7LsP2rhOA/J8OEA/0002Kw==--\r\n";

    [Fact]
    public void Two_runs_of_the_same_message_normalize_to_the_same_text()
    {
        var otherRun = Message
            .Replace("08:20:39", "09:01:02", StringComparison.Ordinal)
            .Replace("41df1b17a37445b78d19bc7412c8bd71", "cd6294c1e3c14b9697df85ebe90c3601", StringComparison.Ordinal)
            .Replace("0193f1c2-7a1e-7d2b-9c3a-4f5e6d7c8b9a", "0193f1c2-0000-7000-8000-000000000001", StringComparison.Ordinal)
            .Replace("=-7LsP2rhOA/J8OEA/0002Kw==", "=-wMu0xjzdQg/qrLkPfx0kUg==", StringComparison.Ordinal);

        Assert.Equal(MessageNormalizer.Normalize(Message), MessageNormalizer.Normalize(otherRun));
        Assert.DoesNotContain("0193f1c2", MessageNormalizer.Normalize(Message), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Welcome to Acme, Ann!\r\n--", "Welcome to Acme, Anne!\r\n--")]
    [InlineData("Subject: Welcome", "Subject: Hello")]
    [InlineData("From: Acme", "From: Acne")]
    [InlineData("charset=utf-8", "charset=us-ascii")]
    [InlineData("multipart/alternative", "multipart/mixed")]
    public void Any_other_difference_remains(string original, string changed)
    {
        var other = Message.Replace(original, changed, StringComparison.Ordinal);
        Assert.NotEqual(Message, other);

        Assert.NotEqual(MessageNormalizer.Normalize(Message), MessageNormalizer.Normalize(other));
    }
}
