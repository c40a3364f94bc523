using Amazon.Runtime;

namespace SesMailer.Ses.Tests.Connection;

/// <summary>
/// Clears every AWS variable the SDK reads for one test, empties the process's shared credentials and config files
/// (see <see cref="AwsEnvironment"/>) and the SDK's cached region, and puts everything back when disposed, so
/// neither the machine's AWS setup nor another test leaks in. Environment variables are process wide: use it only
/// in the <see cref="ProcessEnvironment"/> collection.
/// </summary>
internal sealed class IsolatedAwsEnvironment : IDisposable
{
    private static readonly string[] Variables =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE",
        "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SES", "AWS_ENDPOINT_URL_STS", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
        "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_SESSION_NAME", "AWS_STS_REGIONAL_ENDPOINTS",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    ];

    private readonly Dictionary<string, string?> _saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);

    public IsolatedAwsEnvironment()
    {
        Directory.CreateDirectory(Folder);
        foreach (var variable in Variables)
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        Reset();
    }

    /// <summary>A temporary folder for this test's files (a web-identity token), deleted on dispose.</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "sesmailer-aws-test-" + Guid.NewGuid().ToString("N"));

    /// <summary>The shared credentials file the SDK reads (empty until written).</summary>
    public static string CredentialsFile => AwsEnvironment.CredentialsFile;

    /// <summary>The shared config file the SDK reads (empty until written).</summary>
    public static string ConfigFile => AwsEnvironment.ConfigFile;

    /// <summary>Sets (or with <see langword="null"/> removes) a variable for this test; it is restored on dispose.</summary>
    public void Set(string variable, string? value)
    {
        if (!_saved.ContainsKey(variable))
        {
            throw new ArgumentException($"{variable} is not one of the variables this class restores; add it to Variables.", nameof(variable));
        }

        Environment.SetEnvironmentVariable(variable, value);
    }

    public void Dispose()
    {
        foreach (var (variable, value) in _saved)
        {
            Environment.SetEnvironmentVariable(variable, value);
        }

        Reset();
        Directory.Delete(Folder, recursive: true);
    }

    private static void Reset()
    {
        File.WriteAllText(CredentialsFile, string.Empty);
        File.WriteAllText(ConfigFile, string.Empty);
        // The SDK keeps the first region it finds for the whole process; a test's AWS_REGION must not outlive it.
        FallbackRegionFactory.Reset();
    }
}
