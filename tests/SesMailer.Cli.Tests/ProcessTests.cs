using System.Diagnostics;
using System.Text.Json;
using SesMailer.TestSupport.Emulator;
using SesMailer.TestSupport.FakeSes;
using Xunit;

namespace SesMailer.Cli.Tests;

/// <summary>
/// The built tool run as a process, with its credentials, region and endpoint coming from the environment the
/// way a user's shell provides them.
/// </summary>
public sealed class ProcessTests(SesEmulatorFixture emulator) : IClassFixture<SesEmulatorFixture>
{
    private static async Task<CliRun> RunProcessAsync(IDictionary<string, string> environment, params string[] args)
    {
        var start = CliProcess.StartInfo(args);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new CliRun(process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Quota_from_a_shell_environment_prints_json_and_exits_0()
    {
        await using var server = await FakeSesServer.StartAsync();
        server.ExpectedCredentials = new Amazon.Runtime.ImmutableCredentials(CliRun.AccessKey, CliRun.SecretKey, null);

        var run = await RunProcessAsync(
            new Dictionary<string, string> { ["AWS_REGION"] = "us-west-2", ["AWS_ENDPOINT_URL_SES"] = server.Endpoint.ToString() },
            "quota", "--output", "json");

        Assert.True(run.ExitCode == 0, run.Err);
        Assert.StartsWith("{\"Max24HourSend\":200,\"MaxSendRate\":1,\"SentLast24Hours\":0,\"RequestId\":", run.Out, StringComparison.Ordinal);
        Assert.True(Assert.Single(server.Requests).SignatureValid);
    }

    [Fact]
    public async Task Send_raw_through_the_emulator_arrives()
    {
        var subject = "CLI raw " + Guid.NewGuid().ToString("N");
        var path = Path.Combine(Path.GetTempPath(), $"sesmailer-cli-{Guid.NewGuid():N}.eml");
        await File.WriteAllTextAsync(path, $"From: shop@example.com\r\nTo: ann@example.com\r\nSubject: {subject}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nHello from the shell\r\n");
        try
        {
            var run = await RunProcessAsync(new Dictionary<string, string>(),
                "send-raw", "--file", path, "--region", "us-east-1", "--endpoint", emulator.Endpoint.ToString(), "--output", "json");

            Assert.True(run.ExitCode == 0, run.Err);
            using var json = JsonDocument.Parse(run.Out);
            var stored = Assert.Single((await emulator.GetStoreAsync()).Emails, e => e.Subject == subject);
            Assert.Equal(json.RootElement.GetProperty("MessageId").GetString(), stored.MessageId);
            Assert.Equal("Hello from the shell", stored.Body.Text?.Trim());
            Assert.Equal(["ann@example.com"], stored.Destination.To);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task No_region_anywhere_exits_2_and_says_how_to_set_it()
    {
        var run = await RunProcessAsync(
            new Dictionary<string, string> { ["AWS_CONFIG_FILE"] = "/nonexistent/config", ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/credentials", ["AWS_REGION"] = "", ["AWS_DEFAULT_REGION"] = "" },
            "quota");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--region", run.Err, StringComparison.Ordinal);
    }
}
