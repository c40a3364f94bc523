using SesMailer.TestSupport.Processes;
using System.Reflection;
using SesMailer.TestSupport;

namespace SesMailer.Aot.Tests.Support;

/// <summary>The JIT builds of the programs under test, from their own output folders (this project builds them first).</summary>
internal static class BuiltPrograms
{
    private static string Configuration { get; } =
        typeof(BuiltPrograms).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SesMailer.Aot.Tests.Configuration").Value
        ?? throw new InvalidOperationException("The build configuration was not recorded.");

    /// <summary>samples/QuickStart, JIT (framework-dependent <c>QuickStart.dll</c>).</summary>
    public static string QuickStart => Existing(Path.Combine(RepositoryRoot.Path, "samples", "QuickStart", "bin", Configuration, "net10.0", "QuickStart.dll"));

    /// <summary>tests/SesMailer.Benchmarks/ColdStart/RazorLightColdStart, JIT.</summary>
    public static string RazorLightColdStart => Existing(Path.Combine(
        RepositoryRoot.Path, "tests", "SesMailer.Benchmarks", "ColdStart", "RazorLightColdStart", "bin", Configuration, "net10.0", "RazorLightColdStart.dll"));

    /// <summary>Runs a framework-dependent program with <c>dotnet exec</c>, writing to <paramref name="outbox"/>.</summary>
    public static Task<ProcessResult> RunAsync(string dll, string outbox) =>
        ProcessRunner.RunAsync("dotnet", ["exec", dll, "--outbox", outbox], Path.GetDirectoryName(outbox)!, TimeSpan.FromMinutes(3));

    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: build the solution in {Configuration} first.", path);
}
