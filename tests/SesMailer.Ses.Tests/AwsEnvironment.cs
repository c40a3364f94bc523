using System.Runtime.CompilerServices;

namespace SesMailer.Ses.Tests;

internal static class AwsEnvironment
{
    /// <summary>
    /// Without this, resolving credentials on a machine that has none waits ~16 s on the EC2 instance-metadata
    /// endpoint. Set before any test runs.
    /// </summary>
    [ModuleInitializer]
    internal static void DisableInstanceMetadata() =>
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
}
