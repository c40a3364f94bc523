using System.Runtime.CompilerServices;

namespace SesMailer.IntegrationTests;

internal static class AwsEnvironment
{
    /// <summary>
    /// The quick start resolves credentials and region through the standard AWS chain, as a user's run does.
    /// These tests give it an environment-variable identity (the emulator checks that a signature exists, not
    /// that it is valid) and stop the chain from waiting ~16 s on the EC2 instance-metadata endpoint.
    /// </summary>
    [ModuleInitializer]
    internal static void UseTestIdentity()
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
    }
}
