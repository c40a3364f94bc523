using BenchmarkDotNet.Running;

// `outbox`: the send-outbox throughput run (Outbox/OutboxThroughput.cs), not a BenchmarkDotNet class.
if (args is ["outbox"])
{
    return await SesMailer.Benchmarks.Outbox.OutboxThroughput.RunAsync();
}

// `pgqueue`: the PostgreSQL queue drained by 1, 2 and 4 workers at several rates (Queue/PostgresQueueBenchmark.cs).
if (args is ["pgqueue"])
{
    return await SesMailer.Benchmarks.Queue.PostgresQueueBenchmark.RunAsync(Console.Out);
}

// `--throughput [rounds] [raw|ses|both] [concurrency]`: the throughput loop with CPU time per message (BenchmarkDotNet
// reports no CPU time); naming one path runs only that one (to profile it alone).
if (args.Length > 0 && args[0] == "--throughput")
{
    await SesMailer.Benchmarks.Throughput.ThroughputBenchmarks.MeasureAsync(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5,
        args.Length > 2 && args[2] != "both" ? args[2] : null,
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 8);
    return 0;
}

// `--full-send-loop ROW [seconds]`: one full-send row in a steady loop, to profile it (EndToEnd/FullSendLoop.cs).
if (args.Length > 1 && args[0] == "--full-send-loop")
{
    return await SesMailer.Benchmarks.EndToEnd.FullSendLoop.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20);
}

// `--render-loop catalogue|receipt|welcome [seconds]`: one generated render in a steady loop, to profile it (Rendering/RenderLoop.cs).
if (args.Length > 1 && args[0] == "--render-loop")
{
    return await SesMailer.Benchmarks.Rendering.RenderLoop.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 15);
}

// `--interleaved [rounds]`: rendering and full send timed in interleaved rounds, fastest round kept (Rendering/InterleavedRun.cs).
if (args.Length > 0 && args[0] == "--interleaved")
{
    await SesMailer.Benchmarks.Rendering.InterleavedRun.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15);
    return 0;
}

// Every benchmark class of this assembly; pick with --filter (see README.md).
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToList();

// A benchmark whose setup check threw (a baseline that no longer matches its candidate) has no result: fail the
// run instead of leaving a table with a row missing.
var failed = summaries
    .SelectMany(summary => summary.Reports)
    .Where(report => !report.Success)
    .Select(report => report.BenchmarkCase.DisplayInfo)
    .ToList();
foreach (var name in failed)
{
    Console.Error.WriteLine($"FAILED: {name}");
}

return failed.Count > 0 || summaries.Any(summary => summary.HasCriticalValidationErrors) ? 1 : 0;
