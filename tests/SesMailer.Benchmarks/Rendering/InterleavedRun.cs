using System.Diagnostics;
using System.Globalization;
using SesMailer.Benchmarks.EndToEnd;

namespace SesMailer.Benchmarks.Rendering;

/// <summary>
/// <c>dotnet run -c Release -- --interleaved [rounds]</c>: the rendering and full-send candidates timed in interleaved
/// rounds (every candidate once per round, in turn), keeping each one's fastest round. On a machine shared with other
/// builds, BenchmarkDotNet measures one candidate after another, so a change of load between them lands in the ratio;
/// here every candidate meets the same load within a round, and the fastest round is the one least disturbed.
/// Allocation is per operation, from the thread's allocated bytes. The setup checks run first, as in BenchmarkDotNet.
/// </summary>
public static class InterleavedRun
{
    /// <summary>Runs <paramref name="rounds"/> rounds and prints a table per group, ratios against the group's first row.</summary>
    public static async Task RunAsync(int rounds)
    {
        var rendering = new RenderingBenchmarks();
        await rendering.Setup();
        var send = new FullSendBenchmarks();
        await send.Setup();

        Group[] groups =
        [
            new("Welcome", 10_000,
            [
                ("StringBuilder by hand", () => rendering.WelcomeByHand()),
                ("Generated RenderWelcomeAsync", () => rendering.WelcomeGenerated().GetAwaiter().GetResult()),
                ("RazorLight, cached", () => rendering.WelcomeRazorLight().GetAwaiter().GetResult()),
                ("Fluid, parsed once", () => rendering.WelcomeFluid().AsTask().GetAwaiter().GetResult()),
                ("Handlebars.Net, compiled once", () => rendering.WelcomeHandlebars()),
                ("RazorSlices 0.12.2, to string", () => rendering.WelcomeRazorSlices().AsTask().GetAwaiter().GetResult()),
            ]),
            new("Receipt", 5_000,
            [
                ("StringBuilder by hand", () => rendering.ReceiptByHand()),
                ("Generated RenderReceiptAsync", () => rendering.ReceiptGenerated().GetAwaiter().GetResult()),
                ("RazorLight, cached", () => rendering.ReceiptRazorLight().GetAwaiter().GetResult()),
                ("Fluid, parsed once", () => rendering.ReceiptFluid().AsTask().GetAwaiter().GetResult()),
                ("Handlebars.Net, compiled once", () => rendering.ReceiptHandlebars()),
                ("RazorSlices 0.12.2, to string", () => rendering.ReceiptRazorSlices().AsTask().GetAwaiter().GetResult()),
            ]),
            new("Catalogue", 20,
            [
                ("StringBuilder by hand", () => rendering.CatalogueByHand()),
                ("Generated RenderCatalogueAsync", () => rendering.CatalogueGenerated().GetAwaiter().GetResult()),
                ("RazorLight, cached", () => rendering.CatalogueRazorLight().GetAwaiter().GetResult()),
                ("Fluid, parsed once", () => rendering.CatalogueFluid().AsTask().GetAwaiter().GetResult()),
                ("Handlebars.Net, compiled once", () => rendering.CatalogueHandlebars()),
                ("RazorSlices 0.12.2, to string", () => rendering.CatalogueRazorSlices().AsTask().GetAwaiter().GetResult()),
            ]),
            new("Full send (welcome)", 3_000,
            [
                ("MimeKit alone, pre-rendered strings", () => send.MimeKitAlone()),
                ("mailer.SendWelcomeAsync", () => send.TypedSend().GetAwaiter().GetResult()),
                ("RenderWelcomeAsync + MimeComposer", () => send.RenderAndCompose().GetAwaiter().GetResult()),
                ("RazorLight (cached) + MimeKit", () => send.RazorLightAndMimeKit().GetAwaiter().GetResult()),
            ]),
        ];

        foreach (var group in groups)
        {
            group.Measure(rounds);
            group.Print();
        }

        Console.WriteLine($"Full send: the serialised message is {send.MessageSize:N0} bytes.");
    }

    private sealed class Group(string name, int operations, (string Name, Func<object> Run)[] candidates)
    {
        private readonly double[] _fastest = Enumerable.Repeat(double.MaxValue, candidates.Length).ToArray();
        private readonly double[] _allocated = new double[candidates.Length];

        public void Measure(int rounds)
        {
            for (var round = 0; round < rounds; round++)
            {
                for (var i = 0; i < candidates.Length; i++)
                {
                    var run = candidates[i].Run;
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    var clock = Stopwatch.StartNew();
                    for (var n = 0; n < operations; n++)
                    {
                        run();
                    }

                    clock.Stop();
                    _allocated[i] = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)operations;
                    _fastest[i] = Math.Min(_fastest[i], clock.Elapsed.TotalMicroseconds / operations);
                }
            }
        }

        public void Print()
        {
            Console.WriteLine($"| {name} | fastest round, µs/op | ratio | allocated KB/op | alloc ratio |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            for (var i = 0; i < candidates.Length; i++)
            {
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {candidates[i].Name} | {_fastest[i]:F2} | {_fastest[i] / _fastest[0]:F2} | {_allocated[i] / 1024:F2} | {_allocated[i] / _allocated[0]:F2} |"));
            }

            Console.WriteLine();
        }
    }
}
