using SesMailer.Aot.Tests.Support;
using SesMailer.TestSupport;
using Xunit;

namespace SesMailer.Aot.Tests;

/// <summary>
/// Publishes the quick start with Native AOT once for the whole class, with the command README.md gives
/// (<c>dotnet publish samples/QuickStart -c Release -r linux-x64 -p:PublishAot=true</c>), in a copy of the repository's
/// sources under a temporary folder. The copy has no bin/ or obj/, so the AOT compiler always runs and always reports
/// its warnings (an up-to-date publish would skip it and print none), and the build cannot disturb, or be disturbed
/// by, other tests building in the repository at the same time.
/// </summary>
public sealed class NativeAotPublishFixture : IAsyncLifetime
{
    // What the quick start's build needs: the repository's build settings, the libraries, the generator, the shipped
    // templates and the sample itself. (All of src/, so a new library the runtime comes to depend on is there too.)
    private static readonly string[] Sources =
    [
        "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", ".editorconfig",
        "src", "generators", "templates", "samples/QuickStart",
    ];

    private static readonly string[] SkippedFolders = ["bin", "obj", "outbox", "node_modules", "TestResults"];

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "sesmailer-aot-" + Guid.NewGuid().ToString("N")[..8]);

    public string PublishFolder => Path.Combine(Root, "native");

    /// <summary>The native quick start.</summary>
    public string NativeBinary => Path.Combine(PublishFolder, "QuickStart");

    internal ProcessResult Publish { get; private set; } = new(-1, "not published");

    public async Task InitializeAsync()
    {
        var repository = Path.Combine(Root, "repository");
        CopySources(RepositoryRoot.Path, repository);
        Publish = await ProcessRunner.RunAsync(
            "dotnet",
            ["publish", "samples/QuickStart", "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", PublishFolder],
            repository,
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

    private static void CopySources(string from, string to)
    {
        foreach (var source in Sources)
        {
            var path = Path.Combine(from, source);
            if (File.Exists(path))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, source))!);
                File.Copy(path, Path.Combine(to, source));
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(from, file);
                if (relative.Split(Path.DirectorySeparatorChar).Any(part => SkippedFolders.Contains(part, StringComparer.Ordinal)))
                {
                    continue;
                }

                var target = Path.Combine(to, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }
}
