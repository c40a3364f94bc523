using System.Diagnostics;

namespace SesMailer.Benchmarks.Rendering;

/// <summary>
/// <c>dotnet run -c Release -- --render-loop catalogue|receipt|welcome [seconds]</c>: one generated render in a steady
/// loop, to profile it with <c>perf</c> (<c>Rendering/profile.sh</c>). Prints <c>steady</c> once warmed up, so that
/// the profiler attaches after tiering has settled.
/// </summary>
public static class RenderLoop
{
    /// <summary>Runs the named render for <paramref name="seconds"/> after a warm-up; returns 0, or 2 for an unknown name.</summary>
    public static async Task<int> RunAsync(string name, int seconds)
    {
        var rendering = new RenderingBenchmarks();
        await rendering.Setup();
        Func<Task> render = name switch
        {
            "catalogue" => rendering.CatalogueGenerated,
            "receipt" => rendering.ReceiptGenerated,
            "welcome" => rendering.WelcomeGenerated,
            _ => null!,
        };
        if (render is null)
        {
            Console.Error.WriteLine($"Unknown render '{name}': catalogue, receipt or welcome.");
            return 2;
        }

        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(5))
        {
            await render();
        }

        Console.WriteLine("steady");
        var clock = Stopwatch.StartNew();
        long renders = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            await render();
            renders++;
        }

        Console.WriteLine($"{name}: {renders} renders, {clock.Elapsed.TotalMicroseconds / renders:F2} µs each");
        return 0;
    }
}
