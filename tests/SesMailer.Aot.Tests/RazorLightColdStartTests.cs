using SesMailer.Aot.Tests.Support;
using Xunit;

namespace SesMailer.Aot.Tests;

/// <summary>
/// The setup check of tests/SesMailer.Benchmarks/ColdStart/measure.sh: the RazorLight cold-start program it measures
/// against the quick start still runs and writes the same three messages, byte for byte once Date, Message-Id,
/// boundaries and per-message ids are normalized (same subjects, same text and HTML bodies, same headers). A
/// comparison of two programs that write different things would mean nothing.
/// </summary>
public sealed class RazorLightColdStartTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sesmailer-coldstart-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task The_RazorLight_program_writes_the_same_messages_as_the_quick_start()
    {
        Directory.CreateDirectory(_folder);
        var quickStartOutbox = Path.Combine(_folder, "quickstart");
        var razorLightOutbox = Path.Combine(_folder, "razorlight");

        var quickStart = await BuiltPrograms.RunAsync(BuiltPrograms.QuickStart, quickStartOutbox);
        var razorLight = await BuiltPrograms.RunAsync(BuiltPrograms.RazorLightColdStart, razorLightOutbox);

        Assert.True(quickStart.ExitCode == 0, quickStart.ToString());
        Assert.True(razorLight.ExitCode == 0, razorLight.ToString());
        OutboxAssert.SameMessages(expected: OutboxSnapshot.Load(quickStartOutbox), actual: OutboxSnapshot.Load(razorLightOutbox), expectedMessages: 3);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
