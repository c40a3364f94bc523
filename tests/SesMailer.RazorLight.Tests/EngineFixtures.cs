using SesMailer.RazorLight.Tests.Emails;

namespace SesMailer.RazorLight.Tests;

/// <summary>
/// One engine over the copies of Emails/ in bin/, shared by the tests of a class: each template costs a Roslyn compile
/// (about a second) the first time only.
/// </summary>
public sealed class FolderEngineFixture
{
    public FolderEngineFixture()
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        Engine = new RazorLightEmailEngineBuilder()
            .UseFolder(AppContext.BaseDirectory)
            .UseOperatingAssembly(typeof(WelcomeEmail).Assembly)
            .Build();
    }

    public RazorLightEmailEngine Engine { get; }
}
