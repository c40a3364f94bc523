using System.Globalization;
using QuickStart.Emails;
using SesMailer;
using SesMailer.Mailing;
using SesMailer.Ses;

namespace QuickStart;

/// <summary>Parses the command line, builds a mailer and sends the three sample emails.</summary>
public static class QuickStartApp
{
    private const string Usage = """
        Sends three typed sample emails (welcome, password reset, receipt).

        usage: QuickStart [--outbox DIR] [--to ADDRESS] [--from ADDRESS]
               QuickStart --ses [--endpoint URL] [--region REGION] [--to ADDRESS] [--from ADDRESS]

          (no switch)     write .eml files to DIR (default ./outbox); no AWS account needed
          --ses           send through Amazon SES; credentials and region come from the standard AWS chain
                          (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, ~/.aws/...), the endpoint
                          from --endpoint, AWS_ENDPOINT_URL_SES or AWS_ENDPOINT_URL when set
          --to            recipient (default success@simulator.amazonses.com, the SES mailbox simulator)
          --from          sender; with SES it must be an address or domain you verified
        """;

    /// <summary>Runs the quick start; returns the process exit code (0 sent, 1 a send failed, 2 bad usage).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        QuickStartOptions options;
        try
        {
            options = QuickStartOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            await error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        if (options.ShowHelp)
        {
            await output.WriteLineAsync(Usage).ConfigureAwait(false);
            return 0;
        }

        using var ses = options.UseSes ? new SesClient(new SesClientOptions { Endpoint = options.Endpoint, Region = options.Region }) : null;
        var mailer = Mailer.Create(builder =>
        {
            builder.DefaultFrom(options.From);
            if (ses is not null)
            {
                builder.UseSes(ses);
            }
            else
            {
                builder.UseOutbox(options.Outbox);
            }
        });

        try
        {
            foreach (var (name, send) in SampleEmails(options.To))
            {
                var result = await send(mailer, cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync(ses is null
                    ? $"{name,-15} → {result.MessageId}"
                    : $"{name,-15} → sent through SES, message id {result.MessageId}").ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is SesException or HttpRequestException or EmailValidationException)
        {
            await error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        if (ses is null)
        {
            await output.WriteLineAsync($"Wrote 3 emails to {Path.GetFullPath(options.Outbox)}; open the .eml files in any mail client.").ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>The three sample emails, each sent through its generated, typed method.</summary>
    private static IEnumerable<(string Name, Func<IMailer, CancellationToken, Task<SendResult>> Send)> SampleEmails(string to)
    {
        yield return ("welcome", (mailer, ct) => mailer.SendWelcomeAsync(
            to, new WelcomeEmail("Ann", "Acme", new Uri("https://acme.example/confirm?token=3f9a")), ct));

        yield return ("password reset", (mailer, ct) => mailer.SendPasswordResetAsync(
            to, new PasswordResetEmail("Ann", "Acme", new Uri("https://acme.example/reset?token=b71c"), ValidForMinutes: 30), ct));

        // In French, whatever this machine's culture: dates and numbers follow the send, the dollars stay dollars.
        yield return ("receipt", (mailer, ct) => mailer.SendReceiptAsync(
            to,
            new ReceiptEmail("Ann", "A-1042", new DateOnly(2026, 11, 25), "USD",
            [
                new LineItem("Coffee beans, 1 kg", 2, 18.50m),
                new LineItem("Grinder <Pro>", 1, 89.00m),
                new LineItem("Filter papers", 3, 4.20m),
            ]),
            CultureInfo.GetCultureInfo("fr-FR"),
            ct));
    }
}
