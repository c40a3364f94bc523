using System.Net;
using System.Net.Sockets;

namespace SesMailer.Cli.Tests;

/// <summary>
/// A TCP relay on a loopback port that holds every chunk a client sends for a while before passing it on: it slows
/// each request to a local server without changing a byte (signatures still match), so a run lasts long enough to
/// be killed in the middle.
/// </summary>
internal sealed class SlowRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Uri _target;
    private readonly TimeSpan _delay;
    private readonly Task _accepting;

    public SlowRelay(Uri target, TimeSpan delay)
    {
        _target = target;
        _delay = delay;
        _listener.Start();
        // Off the test's synchronization context, so relaying never waits for the test's own continuations.
        _accepting = Task.Run(AcceptAsync);
    }

    private int _chunks;

    public int Chunks => Volatile.Read(ref _chunks);

    public Uri Endpoint => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = RelayAsync(client);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(_target.Host, _target.Port, _stop.Token);
                var up = PumpAsync(client.GetStream(), server.GetStream(), _delay);
                var down = PumpAsync(server.GetStream(), client.GetStream(), TimeSpan.Zero);
                await Task.WhenAny(up, down);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or IOException)
            {
                // Either side went away (a killed client, the server stopping): close both.
            }
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, TimeSpan delay)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                if (delay > TimeSpan.Zero)
                {
                    Interlocked.Increment(ref _chunks);
                    await Task.Delay(delay, _stop.Token);
                }

                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
            // The connection ended.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
