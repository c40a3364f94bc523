using SesMailer.Aot.Tests.Support;
using SesMailer.TestSupport.Processes;
using SesMailer.TestSupport;
using Xunit;

namespace SesMailer.Aot.Tests;

/// <summary>
/// Publishes the quick start with Native AOT once for the whole class, with the command README.md gives
/// (<c>dotnet publish samples/QuickStart -c Release -r linux-x64 -p:PublishAot=true</c>), typed at the repository root,
/// into a temporary folder. The AOT compiler's intermediate folder is a fresh one too, so the compiler always runs and
/// always reports its warnings (an up-to-date publish would skip it and print none); the libraries and the generator
/// come from the solution's build, checked up to date as any publish does.
/// </summary>
public sealed class NativeAotPublishFixture : IAsyncLifetime
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "sesmailer-aot-" + Guid.NewGuid().ToString("N")[..8]);

    public string PublishFolder => Path.Combine(Root, "native");

    /// <summary>The native quick start.</summary>
    public string NativeBinary => Path.Combine(PublishFolder, "QuickStart");

    internal ProcessResult Publish { get; private set; } = new(-1, "not published");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        Publish = await ProcessRunner.RunAsync(
            "dotnet",
            [
                "publish", "samples/QuickStart", "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", PublishFolder,
                "-p:NativeIntermediateOutputPath=" + Path.Combine(Root, "ilc") + Path.DirectorySeparatorChar,
            ],
            RepositoryRoot.Path,
            TimeSpan.FromMinutes(20));
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }

        return Task.CompletedTask;
    }
}
