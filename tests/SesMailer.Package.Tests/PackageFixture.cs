using System.Globalization;
using Xunit;

namespace SesMailer.Package.Tests;

/// <summary>
/// Packs src/SesMailer.Ses and src/SesMailer once into a local folder feed, under a version no earlier run used (so the global package
/// cache never serves a stale copy), and prepares consumer folders outside the repository.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "sesmailer-package-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public string Feed => Path.Combine(Root, "feed");

    public string Version { get; } = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);

    public static string Repository { get; } = FindRepository();

    public string PackOutput { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        // SesMailer depends on the SES client package of the same version: both go into the feed.
        var (clientExitCode, clientOutput) = await DotNet.RunAsync(Repository, "pack", "src/SesMailer.Ses/SesMailer.Ses.csproj", "-o", Feed, "-p:Version=" + Version);
        Assert.True(clientExitCode == 0, clientOutput);
        var (exitCode, output) = await DotNet.RunAsync(Repository, "pack", "src/SesMailer/SesMailer.csproj", "-o", Feed, "-p:Version=" + Version);
        PackOutput = output;
        Assert.True(exitCode == 0, output);
        await File.WriteAllTextAsync(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        // Consumers live outside the repository: the repository's Directory.*.props must not apply to them.
        await File.WriteAllTextAsync(Path.Combine(Root, "Directory.Build.props"), $"<Project><PropertyGroup><SesMailerVersion>{Version}</SesMailerVersion></PropertyGroup></Project>");
        await File.WriteAllTextAsync(Path.Combine(Root, "Directory.Packages.props"), "<Project />");
    }

    /// <summary>Copies a consumer project from Consumers/ into the fixture's folder and returns its path.</summary>
    public string Consumer(string name, string? copyName = null)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Consumers", name);
        var target = Path.Combine(Root, copyName ?? name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }

        return target;
    }

    public Task DisposeAsync()
    {
        // The feed, the consumers and this run's one-off version in the global package cache.
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var directory in new[] { Root, Path.Combine(packages, "sesmailer", Version), Path.Combine(packages, "sesmailer.ses", Version) })
        {
            try
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
            }
            catch (IOException)
            {
                // A build server may still hold a file for a moment; a leftover temporary folder is harmless.
            }
        }

        return Task.CompletedTask;
    }

    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SesMailer.sln")))
            {
                return directory.FullName + Path.DirectorySeparatorChar;
            }
        }

        throw new InvalidOperationException("SesMailer.sln not found above " + AppContext.BaseDirectory);
    }
}
