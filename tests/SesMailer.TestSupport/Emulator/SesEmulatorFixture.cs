using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using SesMailer.Ses;
using Xunit;

namespace SesMailer.TestSupport.Emulator;

/// <summary>
/// Runs the real aws-ses-v2-local 2.10.2 on 127.0.0.1 with a free port for the lifetime of a test class or
/// collection (<c>IClassFixture&lt;SesEmulatorFixture&gt;</c>), and kills its process tree on dispose.
/// </summary>
/// <remarks>
/// The emulator answers only SendEmail and SendRawEmail; any other action hangs, so give every call a timeout.
/// It checks that an <c>Authorization: AWS…</c> header exists but not the signature, and ignores <c>Destinations</c>.
/// </remarks>
public sealed partial class SesEmulatorFixture : IAsyncLifetime, IDisposable
{
    /// <summary>The command that installs the emulator from the committed lock file.</summary>
    public const string InstallCommand = "npm ci --prefix tests/ses-emulator";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private Process? _process;

    /// <summary>The emulator's base address, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>
    /// Options for an <see cref="SesClient"/> of this emulator: a fixed region and a per-attempt timeout, since the
    /// emulator never answers the actions it lacks.
    /// </summary>
    public SesClientOptions ClientOptions() => new()
    {
        Region = "us-east-1",
        Endpoint = Endpoint,
        AttemptTimeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>Example keys: the emulator checks that a signature is there, not that it is valid.</summary>
    public Amazon.Runtime.AWSCredentials Credentials { get; } = SesCredentials.FromAccessKey("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    /// <summary>A client of this emulator with <see cref="ClientOptions"/> and <see cref="Credentials"/>.</summary>
    public SesClient Client() => new(ClientOptions(), credentials: Credentials);

    /// <summary>The lines the emulator wrote to stdout and stderr (for failure messages).</summary>
    public IReadOnlyList<string> Output => _output.ToArray();

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    /// <summary>The emulator's entry point inside the repository.</summary>
    public static string CliPath => Path.Combine(RepositoryRoot.Path, "tests", "ses-emulator", "node_modules", "aws-ses-v2-local", "dist", "cli.js");

    /// <summary>Fails with the install command when the emulator's entry point is missing.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="cliPath"/> does not exist.</exception>
    public static void EnsureInstalled(string cliPath)
    {
        if (!File.Exists(cliPath))
        {
            throw new InvalidOperationException(
                $"The SES emulator is not installed ({cliPath} is missing). Run `{InstallCommand}` from the repository root (needs Node 20.19+).");
        }
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        EnsureInstalled(CliPath);

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(CliPath)!,
        };
        // Started directly (not through npx) so that killing this process frees the port; the flag keeps a bad
        // request from crashing it.
        foreach (var argument in new[] { "--unhandled-rejections=warn", CliPath, "--host", "127.0.0.1", "--port", "0" })
        {
            start.ArgumentList.Add(argument);
        }

        var port = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            _output.Enqueue(e.Data);
            var match = ServerRunning().Match(e.Data);
            if (match.Success)
            {
                port.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _output.Enqueue(e.Data);
            }
        };
        _process.Exited += (_, _) => port.TrySetException(new InvalidOperationException(
            $"The SES emulator exited before it was ready:{Environment.NewLine}{string.Join(Environment.NewLine, _output)}"));
        try
        {
            _process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("`node` was not found on PATH: install Node 20.19+ to run the SES emulator.", e);
        }

        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var ready = await Task.WhenAny(port.Task, Task.Delay(StartTimeout)).ConfigureAwait(false);
        if (ready != port.Task)
        {
            await DisposeAsync().ConfigureAwait(false);
            throw new TimeoutException($"The SES emulator did not report its port within {StartTimeout.TotalSeconds} s:{Environment.NewLine}{string.Join(Environment.NewLine, _output)}");
        }

        Endpoint = new Uri($"http://127.0.0.1:{await port.Task.ConfigureAwait(false)}/");
    }

    /// <summary>Reads what the emulator received (<c>GET /store</c>).</summary>
    public Task<SesEmulatorStore> GetStoreAsync(CancellationToken cancellationToken = default) => GetStoreAsync(since: null, cancellationToken);

    /// <summary>Reads what the emulator received at or after <paramref name="since"/> (whole seconds; <c>GET /store?since=</c>).</summary>
    public async Task<SesEmulatorStore> GetStoreAsync(DateTimeOffset? since, CancellationToken cancellationToken = default)
    {
        var path = since is null ? "store" : $"store?since={since.Value.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        return await _http.GetFromJsonAsync<SesEmulatorStore>(new Uri(Endpoint, path), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("GET /store returned nothing.");
    }

    /// <summary>Empties the store (<c>POST /clear-store</c>).</summary>
    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.PostAsync(new Uri(Endpoint, "clear-store"), content: null, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Kills the emulator's process tree.</summary>
    public void Dispose()
    {
        if (_process is not null)
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            _process.Dispose();
            _process = null;
        }

        _http.Dispose();
    }

    [GeneratedRegex(@"server running at https?://[^:\s]+:(\d+)")]
    private static partial Regex ServerRunning();
}
