using System.Runtime.CompilerServices;

namespace SesMailer.Tests.Support;

internal static class TestEnvironment
{
    // Without it, anything touching the AWS credential chain waits ~16 s on the EC2 metadata endpoint.
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "Test assembly set-up.")]
    internal static void Initialize() => Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
}
