using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using SesMailer.TestSupport.FakeSes;
using WebApp;
using Xunit;

namespace SesMailer.IntegrationTests;

/// <summary>
/// The web sample started as a deployed instance is: a Production host whose settings name only a sender and leave
/// Transport on Auto. With a region in its environment it must send through SES; with none, it must refuse to
/// start rather than write password resets to a local folder. Real processes: the AWS chain reads the process's
/// environment once, so each case gets its own.
/// </summary>
public sealed partial class TransportChoiceProcessTests
{
    [Fact]
    public async Task A_production_host_with_a_region_in_its_environment_sends_through_ses_and_says_so_at_start()
    {
        await using var ses = await FakeSesServer.StartAsync();
        var outbox = Path.Combine(Path.GetTempPath(), $"sesmailer-auto-{Guid.NewGuid():N}");
        var start = WebApp(outbox);
        start.Environment["AWS_REGION"] = "us-east-1";
        start.Environment["AWS_ENDPOINT_URL_SES"] = ses.Endpoint.ToString();
        start.Environment["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        try
        {
            var address = await ListeningAddressAsync(process, output);
            using var http = new HttpClient { BaseAddress = address };

            var response = await http.PostAsJsonAsync("/signup", new SignupRequest("Ann", "ann@example.com"));

            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            // The pacing asks GetSendQuota too; the message itself went once, through SendRawEmail.
            var request = Assert.Single(ses.Requests, r => r.Action == "SendRawEmail");
            Assert.Equal(["ann@example.com"], request.List("Destinations"));
            Assert.False(Directory.Exists(outbox), "nothing may be written to the outbox folder");
            Assert.Contains("SesMailer sends through Amazon SES in us-east-1", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task A_production_host_with_no_region_anywhere_refuses_to_start_naming_the_transport_setting()
    {
        var outbox = Path.Combine(Path.GetTempPath(), $"sesmailer-auto-{Guid.NewGuid():N}");
        var (exitCode, output) = await WebAppProcess.RunUntilItStopsAsync(WebApp(outbox), "The app started in Production with Transport Auto and no AWS region.");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("SesMailer:Transport: is Auto and no AWS region is configured", output, StringComparison.Ordinal);
        Assert.Contains("'Production' environment", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outbox));
    }

    /// <summary>The sample as deployed: Production, Transport Auto, no Ses settings, and no AWS settings but those a test adds.</summary>
    private static ProcessStartInfo WebApp(string outbox)
    {
        var start = WebAppProcess.StartInfo();
        foreach (var inherited in new[] { "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SES", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN" })
        {
            start.Environment.Remove(inherited);
        }

        var none = Path.Combine(outbox + "-aws", "none");
        start.Environment["AWS_CONFIG_FILE"] = none;
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = none;
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["SesMailer__Transport"] = "Auto";
        start.Environment["SesMailer__Ses__Region"] = string.Empty;
        start.Environment["SesMailer__Outbox__Folder"] = outbox;
        return start;
    }

    private static async Task<Uri> ListeningAddressAsync(Process process, StringBuilder output)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        _ = process.StandardError.ReadToEndAsync(timeout.Token).ContinueWith(t => { lock (output) { output.Append(t.IsCompletedSuccessfully ? t.Result : string.Empty); } }, TaskScheduler.Default);
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }

            if (ListeningLine().Match(line) is { Success: true } match)
            {
                // Keep draining stdout, or the app blocks on a full pipe.
                _ = Task.Run(async () =>
                {
                    while (await process.StandardOutput.ReadLineAsync() is { } more)
                    {
                        lock (output)
                        {
                            output.AppendLine(more);
                        }
                    }
                });
                return new Uri(match.Groups[1].Value);
            }
        }

        throw new InvalidOperationException("The web app stopped before it listened:\n" + output);
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
