using System.Text;
using SesMailer.Mime;
using SesMailer.Tests.Support;

namespace SesMailer.Tests.Mime;

/// <summary>A byte scan of real composed messages: CRLF only, 7-bit, no line over 998 octets.</summary>
public class MimeLineTests
{
    public static TheoryData<string> Bodies => new()
    {
        "plain ascii",
        "Grüße, Zoë! Ваш заказ отправлен. 注文は発送されました。 🚚📦",
        new string('x', 5000),
        string.Concat(Enumerable.Repeat("Ünïcödé without any break ", 400)),
        "lines\nwith\r\nmixed\rendings\n",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Composed_messages_are_crlf_only_7bit_with_short_lines(string body)
    {
        var email = TestMessages.Compose(TestMessages.Valid(m =>
        {
            m.Subject = "Über " + body[..Math.Min(body.Length, 300)].ReplaceLineEndings(" ");
            m.TextBody = body;
            m.HtmlBody = "<p>" + System.Net.WebUtility.HtmlEncode(body) + "</p>";
            m.Options.Attachments.Add(new EmailAttachment("données.bin", Encoding.UTF8.GetBytes(body)));
        }));

        AssertSesSafe(email.Mime.Span);
        var mime = TestMessages.Parse(email);
        Assert.Equal(body.ReplaceLineEndings("\n"), mime.TextBody!.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_large_message_with_attachments_stays_crlf_only_and_short_lined()
    {
        var random = new Random(42);
        var bytes = new byte[3 * 1024 * 1024];
        random.NextBytes(bytes);
        var email = TestMessages.Compose(TestMessages.Valid(m =>
        {
            m.TextBody = string.Concat(Enumerable.Repeat("Zeile mit Ümlauten und einer sehr langen Zeile ohne Umbruch ", 2000));
            m.Options.Attachments.Add(EmailAttachment.FromBytes("random.bin", bytes));
            m.Options.Attachments.Add(EmailAttachment.FromBytes("report.csv", Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Range(0, 20000).Select(i => $"{i};Köln;{i * 3}")))));
        }));

        Assert.True(email.Mime.Length > 4 * 1024 * 1024);
        AssertSesSafe(email.Mime.Span);
    }

    [Theory]
    [InlineData("a\nb", "bare LF")]
    [InlineData("a\rb", "CR without LF")]
    [InlineData("caf\u00e9", "non-ASCII")]
    public void The_scanner_finds_violations(string text, string expected)
    {
        var violation = MimeLines.FindViolation(Encoding.Latin1.GetBytes(text));
        Assert.NotNull(violation);
        Assert.Contains(expected, violation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_scanner_finds_long_lines_and_accepts_998()
    {
        Assert.Null(MimeLines.FindViolation(Encoding.ASCII.GetBytes(new string('a', 998) + "\r\n")));
        Assert.Contains("999 octets", MimeLines.FindViolation(Encoding.ASCII.GetBytes(new string('a', 999) + "\r\n")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\r\nb\r\n", null)]
    [InlineData("", null)]
    [InlineData("no line break at the end", null)]
    [InlineData("\nstarts with LF", "bare LF")]
    [InlineData("a\r\nb\n", "bare LF")]
    [InlineData("ends with CR\r", "CR without LF")]
    [InlineData("a\r\nCR\rinside\r\n", "CR without LF")]
    [InlineData("a\0b\r\n", "NUL")]
    [InlineData("a\r\nb\r\n\u0080", "non-ASCII")]
    public void The_scanner_names_the_first_violation_wherever_it_is(string text, string? expected)
    {
        var violation = MimeLines.FindViolation(Encoding.Latin1.GetBytes(text));
        if (expected is null)
        {
            Assert.Null(violation);
        }
        else
        {
            Assert.Contains(expected, violation, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_scanner_measures_the_last_line_without_a_line_break_too()
    {
        Assert.Null(MimeLines.FindViolation(Encoding.ASCII.GetBytes("a\r\n" + new string('a', 998))));
        Assert.Contains("line 2 is 999 octets", MimeLines.FindViolation(Encoding.ASCII.GetBytes("a\r\n" + new string('a', 999))), StringComparison.Ordinal);
    }

    internal static void AssertSesSafe(ReadOnlySpan<byte> mime)
    {
        // Independent of MimeLines: a plain scan written out here.
        var lineLength = 0;
        for (var i = 0; i < mime.Length; i++)
        {
            var b = mime[i];
            Assert.True(b < 0x80, $"non-ASCII byte at {i}");
            if (b == '\r')
            {
                Assert.True(i + 1 < mime.Length && mime[i + 1] == '\n', $"CR without LF at {i}");
                Assert.True(lineLength <= 998, $"line of {lineLength} octets ending at {i}");
                lineLength = 0;
                i++;
                continue;
            }

            Assert.True(b != '\n', $"bare LF at {i}");
            lineLength++;
        }

        Assert.True(lineLength <= 998);
    }
}
