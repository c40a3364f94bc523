using System.Diagnostics;
using Xunit;

namespace SesMailer.IntegrationTests;

/// <summary>The web sample as a process of its own, for what is fixed when a process starts (globalization, the AWS chain).</summary>
internal static class WebAppProcess
{
    /// <summary>How to start the sample built beside the tests, its output redirected.</summary>
    public static ProcessStartInfo StartInfo()
    {
        var app = Path.Combine(AppContext.BaseDirectory, "WebApp.dll");
        Assert.True(File.Exists(app), app + " was not built beside the tests");
        return new ProcessStartInfo("dotnet", [app])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
    }

    /// <summary>Runs a sample that is expected to stop on its own (refusing to start); fails the test if it keeps running.</summary>
    /// <returns>Its exit code and everything it wrote.</returns>
    public static async Task<(int ExitCode, string Output)> RunUntilItStopsAsync(ProcessStartInfo start, string ifItKeepsRunning)
    {
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail(ifItKeepsRunning);
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
