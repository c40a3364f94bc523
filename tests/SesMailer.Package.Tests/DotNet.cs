using SesMailer.TestSupport.Processes;

namespace SesMailer.Package.Tests;

/// <summary>Runs the dotnet CLI and captures its output (through the shared <see cref="ProcessRunner"/>).</summary>
internal static class DotNet
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("dotnet", arguments, workingDirectory, TimeSpan.FromMinutes(5));
        return (result.ExitCode, result.Output);
    }
}
