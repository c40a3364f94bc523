using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using SesMailer.Mailing;
using SesMailer.Rendering;
using SesMailer.TestSupport.FakeSes;

namespace SesMailer.Benchmarks.Outbox;

/// <summary>
/// <c>sesmailer send-outbox</c> against the fake SES at several account rates: the achieved rate (the tool's own
/// figure, from its first claim to its last outcome) and the CPU time of the sending process per message. Not a
/// BenchmarkDotNet class: a run is seconds of wall-clock sending through a real process, measured once per rate.
/// Run with <c>dotnet run -c Release -- outbox</c> after building src/SesMailer.Cli in Release.
/// </summary>
public static partial class OutboxThroughput
{
    public static async Task<int> RunAsync()
    {
        var cli = Path.Combine(SesMailer.TestSupport.RepositoryRoot.Path, "src", "SesMailer.Cli", "bin", "Release", "net10.0", "SesMailer.Cli.dll");
        if (!File.Exists(cli))
        {
            await Console.Error.WriteLineAsync($"Build src/SesMailer.Cli in Release first: {cli} is missing.");
            return 1;
        }

        // The CPU of starting the tool and sending an empty folder, subtracted so that what remains is per message.
        var (startup, _) = await MeasureAsync(cli, 1, 0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CPU of a run over an empty folder (start-up): {startup.TotalMilliseconds:0} ms"));
        Console.WriteLine();
        Console.WriteLine("| MaxSendRate (fake) | messages | sent | failed | achieved rate (msg/s) | CPU per message (ms) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var rate in new[] { 50, 200, 1000 })
        {
            // About four seconds of sending at the allowed rate, and never fewer than 200 messages.
            var count = Math.Max(200, rate * 4);
            var (cpu, row) = await MeasureAsync(cli, rate, count);
            Console.WriteLine(row.Replace("{cpu}", ((cpu - startup).TotalMilliseconds / count).ToString("0.00", CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        return 0;
    }

    private static async Task<(TimeSpan Cpu, string Row)> MeasureAsync(string cli, int rate, int count)
    {
        await using var server = await FakeSesServer.StartAsync();
        server.State.MaxSendRate = rate;
        server.State.Max24HourSend = 1_000_000;
        var folder = Directory.CreateTempSubdirectory("folderoutbox-bench-").FullName;
        try
        {
            using (var mailer = Mailer.Create(m => m.UseOutbox(folder)))
            {
                for (var i = 0; i < count; i++)
                {
                    var options = new EmailOptions { From = new EmailAddress("noreply@acme.example") };
                    options.To.Add(new EmailAddress($"user{i}@example.com"));
                    await mailer.SendAsync(new EmailMessage(new RenderedEmail($"Message {i}", "<p>Hello</p>", "Hello"), options));
                }
            }

            // bash's time keyword reports the CPU the tool used (user and system), which .NET cannot read once a process has exited.
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { "-c", "TIMEFORMAT='cpu %U %S'; time dotnet \"$@\"", "bash", cli, "send-outbox", folder, "--region", "us-east-1", "--endpoint", server.Endpoint.ToString() })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
            start.Environment["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE";
            start.Environment["AWS_SECRET_ACCESS_KEY"] = "secret";
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var output = await stdout;
            var times = CpuTime().Match(await stderr);
            var cpu = TimeSpan.FromSeconds(double.Parse(times.Groups["user"].Value, CultureInfo.InvariantCulture) + double.Parse(times.Groups["system"].Value, CultureInfo.InvariantCulture));
            var summary = Summary().Match(output);
            if (!summary.Success)
            {
                throw new InvalidOperationException($"send-outbox printed no summary (exit {process.ExitCode}):\n{output}");
            }

            var sent = int.Parse(summary.Groups["sent"].Value, CultureInfo.InvariantCulture);
            var failed = int.Parse(summary.Groups["failed"].Value, CultureInfo.InvariantCulture);
            var achieved = double.Parse(summary.Groups["rate"].Value, CultureInfo.InvariantCulture);
            return (cpu, string.Create(CultureInfo.InvariantCulture, $"| {rate} | {count} | {sent} | {failed} | {achieved:0.0} | {{cpu}} |"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex(@"(?<sent>\d+) sent, (?<failed>\d+) failed, .*\((?<rate>[\d.]+) messages per second\)")]
    private static partial Regex Summary();

    [GeneratedRegex(@"cpu (?<user>[\d.]+) (?<system>[\d.]+)")]
    private static partial Regex CpuTime();
}
