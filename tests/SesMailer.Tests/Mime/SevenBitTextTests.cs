using System.Text;
using MimeKit;
using SesMailer.Mime;

namespace SesMailer.Tests.Mime;

/// <summary>
/// <see cref="SevenBitText"/> lets the composer skip MimeKit's encoding scan; MimeKit itself is the oracle: whatever
/// it accepts, MimeKit must find 7-bit too.
/// </summary>
public class SevenBitTextTests
{
    public static TheoryData<string, bool> Texts => new()
    {
        { string.Empty, true },
        { "plain ascii\nsecond line\n", true },
        { "<p>\ttabs, trailing spaces  \n\u0001\u007f controls</p>", true },
        { new string('a', 998), true },
        { new string('a', 998) + "\n" + new string('b', 998) + "\n", true },
        { "x\n>From quoted", true },
        { new string('a', 999), false },
        { "short\n" + new string('a', 999) + "\nshort", false },
        { "caf\u00e9", false },
        { "emoji \ud83d\ude9a", false },
        { "nul\0byte", false },
        { "From the start", false },
        { "x\nFrom a later line", false },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Accepts_only_what_MimeKit_leaves_7bit(string text, bool safe)
    {
        Assert.Equal(safe, SevenBitText.IsSafe(text));
        if (safe)
        {
            using var part = new TextPart("plain");
            part.SetText(Encoding.UTF8, text);
            Assert.Equal(ContentEncoding.SevenBit, part.GetBestEncoding(EncodingConstraint.SevenBit, 998));
        }
    }
}
