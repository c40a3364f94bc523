using System.Net;

namespace SesMailer.Ses.Protocol;

/// <summary>
/// A request body that remembers whether the HTTP stack started writing it. A failure before that point means
/// the request never reached SES (safe to retry); after it, SES may have acted on it (in doubt).
/// </summary>
/// <remarks>
/// One per attempt, over the call's one <see cref="FormBody"/>: a retry re-sends the same bytes. Disposing this
/// content does not release the body; the call does, once every attempt is over.
/// </remarks>
internal sealed class TrackedContent(FormBody body) : HttpContent
{
    private int _started;

    public bool Started => Volatile.Read(ref _started) == 1;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _started, 1);
        await body.WriteToAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = body.Length;
        return true;
    }
}
