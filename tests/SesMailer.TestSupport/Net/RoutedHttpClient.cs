using System.Net;
using System.Net.Sockets;

namespace SesMailer.TestSupport.Net;

/// <summary>
/// An <see cref="HttpClient"/> whose every connection goes to one local server, whatever host the URL names: a
/// request to <c>http://ses.internal.example:8005/</c> keeps that name in its URL and <c>Host</c> header (and so in
/// its signature) but reaches, say, the fake SES on 127.0.0.1. Lets tests address a local server through a name
/// that is not loopback, without DNS.
/// </summary>
public static class RoutedHttpClient
{
    /// <summary>Creates a client that connects to <paramref name="target"/>'s host and port for every request.</summary>
    public static HttpClient To(Uri target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var endpoint = new IPEndPoint(IPAddress.Parse(target.DnsSafeHost), target.Port);
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
