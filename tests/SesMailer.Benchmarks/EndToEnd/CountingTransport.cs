using SesMailer.Transport;

namespace SesMailer.Benchmarks.EndToEnd;

/// <summary>
/// A transport that does nothing with a message but count its bytes and keep the last one (for the setup check): the
/// send measured ends where SES's would begin, with the serialised MIME in hand.
/// </summary>
public sealed class CountingTransport : IEmailTransport
{
    private static readonly Task<SendResult> Sent = Task.FromResult(new SendResult("counted"));

    /// <summary>The bytes of every message sent so far.</summary>
    public long Bytes { get; private set; }

    /// <summary>The last message's MIME.</summary>
    public ReadOnlyMemory<byte> Last { get; private set; }

    /// <inheritdoc />
    public Task<SendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        Bytes += email.Mime.Length;
        Last = email.Mime;
        return Sent;
    }
}
