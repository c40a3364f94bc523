using System.Runtime.CompilerServices;

namespace SesMailer.Ses.Tests;

internal static class AwsEnvironment
{
    /// <summary>
    /// The shared credentials and config files every test of this process sees: empty until a test writes them.
    /// AWSSDK.Core reads <c>AWS_SHARED_CREDENTIALS_FILE</c> and <c>AWS_CONFIG_FILE</c> once per process (in
    /// <c>SharedCredentialsFile</c>'s static constructor, and only if the file exists then), so a test cannot point
    /// them elsewhere later; it rewrites these files instead.
    /// </summary>
    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), $"sesmailer-aws-{Environment.ProcessId}-{Guid.NewGuid():N}");

    /// <summary>The shared credentials file (<c>AWS_SHARED_CREDENTIALS_FILE</c>).</summary>
    public static string CredentialsFile => Path.Combine(Folder, "credentials");

    /// <summary>The shared config file (<c>AWS_CONFIG_FILE</c>).</summary>
    public static string ConfigFile => Path.Combine(Folder, "config");

    /// <summary>
    /// Set before any test runs. Without <c>AWS_EC2_METADATA_DISABLED</c>, resolving credentials on a machine that
    /// has none waits ~16 s on the EC2 instance-metadata endpoint; the pinned empty shared files keep the machine's
    /// own AWS setup out of every test.
    /// </summary>
    [ModuleInitializer]
    internal static void Isolate()
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        Directory.CreateDirectory(Folder);
        File.WriteAllText(CredentialsFile, string.Empty);
        File.WriteAllText(ConfigFile, string.Empty);
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", CredentialsFile);
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", ConfigFile);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // Leave it to the temp folder's own cleanup rather than fail the run at exit.
            }
        };
    }
}
