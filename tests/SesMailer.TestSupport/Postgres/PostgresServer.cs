using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SesMailer.TestSupport.Processes;

namespace SesMailer.TestSupport.Postgres;

/// <summary>
/// A PostgreSQL server of the tests' own: a fresh cluster (<c>initdb</c>) in a temporary folder, started with
/// <c>pg_ctl</c> on a free 127.0.0.1 port with its socket in that folder, trusting the user <see cref="User"/>. No system
/// service is used or needed. Disposing stops it (<c>-m immediate</c>) and deletes the folder.
/// </summary>
/// <remarks>
/// <c>initdb</c> refuses to run as root: as root the cluster belongs to the system user <c>postgres</c> (created when
/// missing) and every server program runs through <c>runuser -u postgres --</c>. When PostgreSQL is not installed,
/// <see cref="StartAsync"/> throws with what to install (tests/test.sh installs it); tests fail, never skip.
/// </remarks>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>The superuser the cluster is made with; connections as this user need no password (trust).</summary>
    public const string User = "app";

    private const string FolderPrefix = "sesmailer-pg-";
    private const string OwnerFile = "owner.pid";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private readonly string _bin;
    private readonly bool _asRoot;
    private int _databases;

    private PostgresServer(string bin, string folder, bool asRoot)
    {
        _bin = bin;
        Folder = folder;
        _asRoot = asRoot;
    }

    /// <summary>The temporary folder holding the cluster (<c>data/</c>), its socket and its log (<c>server.log</c>).</summary>
    public string Folder { get; }

    /// <summary>The loopback port the server listens on; the same across <see cref="RestartAsync"/>.</summary>
    public int Port { get; private set; }

    /// <summary>Whether the server is running (started and not stopped).</summary>
    public bool IsRunning { get; private set; }

    private string DataFolder => Path.Combine(Folder, "data");

    private string LogFile => Path.Combine(Folder, "server.log");

    /// <summary>Creates a cluster in a new temporary folder and starts it.</summary>
    /// <exception cref="InvalidOperationException">PostgreSQL's server programs are not installed, or the server did not start (the message holds its log).</exception>
    public static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBin();
        var asRoot = Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root" || IsRoot();
        await StopOrphansAsync(bin, asRoot);
        var folder = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        // Whose server it is: a test run killed before disposing leaves it running, and the next start stops it.
        await File.WriteAllTextAsync(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var server = new PostgresServer(bin, folder, asRoot);
        try
        {
            if (asRoot)
            {
                await EnsureSystemUserAsync();
                await RunAsync("chown", ["-R", "postgres:postgres", folder], folder);
            }

            await server.RunServerProgramAsync("initdb", ["-D", server.DataFolder, "-U", User, "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
            await server.StartOnFreePortAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A connection string to <paramref name="database"/> as <see cref="User"/> (no password: the cluster trusts it).</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username={User};Database={database}";

    /// <summary>Creates a new, empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var name = $"{prefix}_{Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture)}_{Guid.NewGuid().ToString("N")[..8]}";
        await RunAsync(Path.Combine(_bin, "createdb"), ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", User, name], Folder);
        return ConnectionString(name);
    }

    /// <summary>Stops the server at once (<c>-m immediate</c>: like a crash; open connections break).</summary>
    public async Task StopAsync()
    {
        if (!IsRunning)
        {
            return;
        }

        IsRunning = false;
        await RunServerProgramAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "stop"]);
    }

    /// <summary>Starts the stopped server again on the same port.</summary>
    public async Task StartAgainAsync()
    {
        if (IsRunning)
        {
            return;
        }

        await StartOnAsync(Port);
    }

    /// <summary>Stops the server at once and starts it again on the same port, after <paramref name="downFor"/>.</summary>
    public async Task RestartAsync(TimeSpan downFor = default)
    {
        await StopAsync();
        if (downFor > TimeSpan.Zero)
        {
            await Task.Delay(downFor);
        }

        await StartAgainAsync();
    }

    /// <summary>Stops the server (<c>-m immediate</c>) and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (IsRunning)
            {
                await StopAsync();
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // Deleting the folder below is what matters; a server that will not stop is already gone or broken.
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temporary folder left behind is harmless.
        }
    }

    private async Task StartOnFreePortAsync()
    {
        // A free port can be taken by someone else between the probe and the start: try a few.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartOnAsync(FreePort());
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    private async Task StartOnAsync(int port)
    {
        Port = port;
        var options = $"-p {port.ToString(CultureInfo.InvariantCulture)} -k {Folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200";
        try
        {
            await RunServerProgramAsync("pg_ctl", ["-D", DataFolder, "-o", options, "-l", LogFile, "-w", "-t", "60", "start"]);
        }
        catch (InvalidOperationException e)
        {
            var log = File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile) : "(no log)";
            throw new InvalidOperationException($"{e.Message}\nserver.log:\n{log}", e);
        }

        IsRunning = true;
    }

    private Task RunServerProgramAsync(string program, string[] arguments)
    {
        var path = Path.Combine(_bin, program);
        return _asRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments], Folder)
            : RunAsync(path, arguments, Folder);
    }

    private static async Task RunAsync(string fileName, string[] arguments, string workingDirectory)
    {
        var result = await ProcessRunner.RunAsync(fileName, arguments, workingDirectory, CommandTimeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed with {result}");
        }
    }

    /// <summary>Stops and deletes the servers of test processes that died without disposing them (killed, timed out).</summary>
    private static async Task StopOrphansAsync(string bin, bool asRoot)
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var owner = Path.Combine(folder, OwnerFile);
            if (!File.Exists(owner) || !int.TryParse(await File.ReadAllTextAsync(owner), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || Directory.Exists($"/proc/{pid}"))
            {
                continue; // Not ours to judge, or its test process still runs.
            }

            var orphan = new PostgresServer(bin, folder, asRoot) { IsRunning = File.Exists(Path.Combine(folder, "data", "postmaster.pid")) };
            await orphan.DisposeAsync();
        }
    }

    private static async Task EnsureSystemUserAsync()
    {
        var id = await ProcessRunner.RunAsync("id", ["-u", "postgres"], Path.GetTempPath(), CommandTimeout);
        if (id.ExitCode != 0)
        {
            await RunAsync("useradd", ["-r", "-M", "-s", "/usr/sbin/nologin", "postgres"], Path.GetTempPath());
        }
    }

    private static string FindBin()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var initdb = Path.Combine(directory, "initdb");
            if (File.Exists(initdb))
            {
                // pg_ctl and createdb sit beside the real initdb, which PATH often holds as a link.
                var real = new FileInfo(initdb).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb;
                var bin = Path.GetDirectoryName(real)!;
                if (File.Exists(Path.Combine(bin, "pg_ctl")))
                {
                    return bin;
                }
            }
        }

        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException(
            "PostgreSQL's server programs (initdb, pg_ctl) were found neither on PATH nor in /usr/lib/postgresql/*/bin. " +
            "Install them (apt-get install -y postgresql; tests/test.sh does it) and run the tests again.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsRoot()
    {
        try
        {
            return File.ReadAllLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal)) is { } uid
                && uid.Split('\t', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1) == "0";
        }
        catch (IOException)
        {
            return false;
        }
    }
}
