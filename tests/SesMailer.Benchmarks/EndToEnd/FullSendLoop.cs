using System.Diagnostics;
using System.Globalization;

namespace SesMailer.Benchmarks.EndToEnd;

/// <summary>
/// <c>dotnet run -c Release -- --full-send-loop ROW [seconds]</c>: one row of <see cref="FullSendBenchmarks"/> in a steady
/// loop, to profile it alone (<c>perf record -g</c> with <c>DOTNET_PerfMapEnabled=1</c>, attached after the line
/// "steady" is printed: by then tiered compilation has optimised the loop's code). ROW is <c>mimekit</c>, <c>typed</c>,
/// <c>composer</c> or <c>razorlight</c>.
/// </summary>
public static class FullSendLoop
{
    /// <summary>Warms up, prints "steady", then runs the row for <paramref name="seconds"/> and prints µs and bytes per send.</summary>
    public static async Task<int> RunAsync(string row, int seconds)
    {
        var send = new FullSendBenchmarks();
        await send.Setup();
        Func<object> run = row switch
        {
            "mimekit" => () => send.MimeKitAlone(),
            "typed" => () => send.TypedSend().GetAwaiter().GetResult(),
            "composer" => () => send.RenderAndCompose().GetAwaiter().GetResult(),
            "razorlight" => () => send.RazorLightAndMimeKit().GetAwaiter().GetResult(),
            _ => throw new ArgumentException($"ROW: '{row}' is none of mimekit, typed, composer, razorlight.", nameof(row)),
        };

        // Tier-1 code needs tens of thousands of calls (and a moment for the background compiler) on a loaded machine.
        for (var n = 0; n < 60_000; n++)
        {
            run();
        }

        await Task.Delay(500);
        Console.WriteLine("steady");
        var sends = 0L;
        int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var paused = GC.GetTotalPauseDuration();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            for (var n = 0; n < 1_000; n++)
            {
                run();
            }

            sends += 1_000;
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{row}: {sends} sends, {clock.Elapsed.TotalMicroseconds / sends:F2} µs/send, {(GC.GetAllocatedBytesForCurrentThread() - before) / (double)sends:F0} bytes/send, " +
            $"collections {GC.CollectionCount(0) - collections[0]}/{GC.CollectionCount(1) - collections[1]}/{GC.CollectionCount(2) - collections[2]} (gen 0/1/2), GC pauses {(GC.GetTotalPauseDuration() - paused).TotalMicroseconds / sends:F2} µs/send"));
        var last = GC.GetGCMemoryInfo(GCKind.Any);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"last collection: gen {last.Generation}, promoted {last.PromotedBytes / 1024} KB, heap {last.HeapSizeBytes / 1024 / 1024} MB, pause {last.PauseDurations[0].TotalMilliseconds:F2} ms"));
        return 0;
    }
}
