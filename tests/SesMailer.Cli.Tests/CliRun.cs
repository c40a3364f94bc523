using System.Runtime.CompilerServices;
using SesMailer.Ses;
using SesMailer.TestSupport.FakeSes;

namespace SesMailer.Cli.Tests;

/// <summary>Runs the real command line in-process and captures what it printed.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Err)
{
    public const string AccessKey = "AKIDEXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    [ModuleInitializer]
    internal static void DisableInstanceMetadata() => Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");

    /// <summary>
    /// Runs <c>sesmailer</c> with <paramref name="args"/>. The global options reach the client unchanged; only the
    /// credentials are supplied here (the server checks the signatures with them).
    /// </summary>
    public static Task<CliRun> RunAsync(FakeSesServer? server, params string[] args) => RunAsync(server, http: null, args);

    /// <summary>
    /// Runs <c>sesmailer</c> with <paramref name="args"/> through <paramref name="http"/> (for example one that routes
    /// every connection to a local server), or through the client's own when <see langword="null"/>.
    /// </summary>
    public static async Task<CliRun> RunAsync(FakeSesServer? server, HttpClient? http, params string[] args)
    {
        if (server is not null)
        {
            server.ExpectedCredentials = new Amazon.Runtime.ImmutableCredentials(AccessKey, SecretKey, null);
        }

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var code = await SesCli.RunAsync(args, stdout, stderr, options =>
        {
            options.Retry = new SesRetryOptions { MaxRetryAttempts = 1, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) };
            options.AttemptTimeout = TimeSpan.FromSeconds(10);
            return new SesClient(options, http, credentials: SesCredentials.FromAccessKey(AccessKey, SecretKey));
        }, timeout.Token);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
