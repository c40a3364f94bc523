using System.Diagnostics;

namespace SesMailer.Cli.Tests;

/// <summary>
/// The built tool as a separate process: its assembly, and a start that runs it with <c>dotnet</c>, output captured,
/// and an environment holding the tests' own AWS keys and nothing from the machine's shell that could point it
/// elsewhere (a profile, an endpoint, a session token).
/// </summary>
internal static class CliProcess
{
    /// <summary>The tool as its own build left it (same configuration as this test), with its own deps.json.</summary>
    public static string Assembly
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var path = Path.Combine(SesMailer.TestSupport.RepositoryRoot.Path, "src", "SesMailer.Cli", "bin", configuration, "net10.0", "SesMailer.Cli.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"Build src/SesMailer.Cli first; {path} is missing.");
        }
    }

    /// <summary>A start of <c>dotnet SesMailer.Cli.dll <paramref name="args"/></c>; the caller may add to its environment.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Assembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var variable in new[] { "AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SES", "AWS_SESSION_TOKEN" })
        {
            start.Environment.Remove(variable);
        }

        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_ACCESS_KEY_ID"] = CliRun.AccessKey;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = CliRun.SecretKey;
        return start;
    }
}
