using SesMailer.Aot.Tests.Support;
using SesMailer.TestSupport.Processes;
using Xunit;

namespace SesMailer.Aot.Tests;

/// <summary>
/// The quick start published with Native AOT inside this repository: the publish succeeds with no trimming or AOT
/// warning (IL2xxx, IL3xxx) from any assembly, the quick start's SES and dependency-injection paths included, and the
/// native binary writes the same messages as the JIT build.
/// </summary>
public sealed class NativeAotQuickStartTests(NativeAotPublishFixture publish) : IClassFixture<NativeAotPublishFixture>, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sesmailer-aot-run-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void The_publish_compiles_natively_without_a_trimming_or_AOT_warning()
    {
        Assert.True(publish.Publish.ExitCode == 0, publish.Publish.ToString());
        // The AOT compiler ran (an up-to-date publish would skip it, and print no warning either way).
        Assert.Contains("Generating native code", publish.Publish.Output, StringComparison.Ordinal);
        var warnings = TrimDiagnostics.In(publish.Publish.Output);
        Assert.True(warnings.Count == 0, "Trimming/AOT diagnostics:\n" + string.Join('\n', warnings));
        Assert.True(File.Exists(publish.NativeBinary), $"{publish.NativeBinary} was not produced.");
    }

    [Fact]
    public async Task The_native_binary_writes_the_same_messages_as_the_JIT_build()
    {
        Assert.True(publish.Publish.ExitCode == 0, publish.Publish.ToString());
        var nativeOutbox = Path.Combine(_folder, "native");
        var jitOutbox = Path.Combine(_folder, "jit");
        Directory.CreateDirectory(_folder);

        var native = await ProcessRunner.RunAsync(publish.NativeBinary, ["--outbox", nativeOutbox], _folder, TimeSpan.FromMinutes(1));
        var jit = await BuiltPrograms.RunAsync(BuiltPrograms.QuickStart, jitOutbox);

        Assert.True(native.ExitCode == 0, native.ToString());
        Assert.True(jit.ExitCode == 0, jit.ToString());
        OutboxAssert.SameMessages(expected: OutboxSnapshot.Load(jitOutbox), actual: OutboxSnapshot.Load(nativeOutbox), expectedMessages: 3);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
