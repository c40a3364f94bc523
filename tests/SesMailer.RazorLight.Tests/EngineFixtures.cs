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

/// <summary>One engine over templates held in memory (as a database would give them), shared by a test class.</summary>
public sealed class MemoryEngineFixture
{
    public MemoryEngineFixture()
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        Engine = new RazorLightEmailEngineBuilder()
            .UseTemplates(MemoryTemplates.All)
            .AddNamespaces("SesMailer.RazorLight.Tests.Models")
            .UseOperatingAssembly(typeof(MemoryEngineFixture).Assembly)
            .Build();
    }

    public RazorLightEmailEngine Engine { get; }
}
