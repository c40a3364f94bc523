// The quick start's three emails rendered cold by RazorLight: every template (and the shipped _Layout and _Button it
// uses) is compiled by Roslyn on first use, in this process. Usage: RazorLightColdStart [--outbox DIR] [--to ADDRESS]
using System.Globalization;
using QuickStart.Emails;
using SesMailer;
using SesMailer.Mailing;
using SesMailer.RazorLight;

var outbox = "outbox";
var to = "success@simulator.amazonses.com";
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--outbox" when i + 1 < args.Length:
            outbox = args[++i];
            break;
        case "--to" when i + 1 < args.Length:
            to = args[++i];
            break;
        default:
            await Console.Error.WriteLineAsync($"error: unknown option '{args[i]}'; usage: RazorLightColdStart [--outbox DIR] [--to ADDRESS]");
            return 2;
    }
}

// The same mailer settings as samples/QuickStart (QuickStartApp.RunAsync) with no switch.
using var mailer = Mailer.Create(builder => builder.DefaultFrom("Acme <hello@acme.example>").UseOutbox(outbox));
var engine = new RazorLightEmailEngineBuilder().UseFolder(Path.Combine(AppContext.BaseDirectory, "Emails")).Build();

// The same models and values as QuickStartApp.SampleEmails; subjects come from each type's [Email(Subject = …)].
var welcome = await mailer.SendTemplateAsync(
    engine, "WelcomeEmail", new WelcomeEmail("Ann", "Acme", new Uri("https://acme.example/confirm?token=3f9a")), to);
Console.WriteLine($"welcome         → {welcome.MessageId}");

var reset = await mailer.SendTemplateAsync(
    engine, "PasswordResetEmail", new PasswordResetEmail("Ann", "Acme", new Uri("https://acme.example/reset?token=b71c"), ValidForMinutes: 30), to);
Console.WriteLine($"password reset  → {reset.MessageId}");

var receiptOptions = new EmailOptions { Culture = CultureInfo.GetCultureInfo("fr-FR") };
receiptOptions.To.Add(to);
var receipt = await mailer.SendTemplateAsync(
    engine,
    "ReceiptEmail",
    new ReceiptEmail("Ann", "A-1042", new DateOnly(2026, 11, 25), "USD",
    [
        new LineItem("Coffee beans, 1 kg", 2, 18.50m),
        new LineItem("Grinder <Pro>", 1, 89.00m),
        new LineItem("Filter papers", 3, 4.20m),
    ]),
    receiptOptions);
Console.WriteLine($"receipt         → {receipt.MessageId}");
Console.WriteLine($"Wrote 3 emails to {Path.GetFullPath(outbox)}.");
return 0;
