using MimeKit;

namespace SesMailer.Benchmarks.Support;

/// <summary>
/// The last steps every MimeKit baseline shares, written as a careful developer writes them for SES: 7-bit transfer
/// encodings, CRLF line endings, and the message disposed once written (<see cref="MimeMessage"/>, its parts and their
/// contents are finalizable: an undisposed message survives its first collection and makes collections gen-1 ones).
/// </summary>
public static class MimeKitByHand
{
    /// <summary>CRLF (MimeKit's default on Linux is bare LF; SES wants CRLF), no SMTPUTF8 (international) headers.</summary>
    public static FormatOptions SesFormat { get; } = CreateFormat();

    /// <summary>Prepares <paramref name="message"/> for 7-bit, writes it with <see cref="SesFormat"/> and disposes it.</summary>
    public static byte[] WriteAndDispose(MimeMessage message)
    {
        using (message)
        {
            message.Prepare(EncodingConstraint.SevenBit, 998);
            using var buffer = new MemoryStream();
            message.WriteTo(SesFormat, buffer);
            return buffer.ToArray();
        }
    }

    private static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        format.International = false;
        return format;
    }
}
