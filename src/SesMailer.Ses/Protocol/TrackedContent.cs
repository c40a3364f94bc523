using System.Net;

namespace SesMailer.Ses.Protocol;

/// <summary>
/// A request body that remembers whether the HTTP stack started writing it. A failure before that point means
/// the request never reached SES (safe to retry); after it, SES may have acted on it (in doubt).
/// </summary>
internal sealed class TrackedContent(byte[] body) : HttpContent
{
    private int _started;

    public bool Started => Volatile.Read(ref _started) == 1;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _started, 1);
        await stream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = body.Length;
        return true;
    }
}
