using SesMailer.Mailing;
using SesMailer.Sending;
using SesMailer.Transport;
using QuickStart.Emails;
using Xunit;

namespace SesMailer.IntegrationTests;

/// <summary>The "Sending at volume" example of README.md, compiled and run; keep the region in step with the README.</summary>
public sealed class ReadmeBulkExampleTests
{
    [Fact]
    public async Task Sending_at_volume()
    {
        var sent = new InMemoryTransport();
        using var mailer = Mailer.Create(m => m.DefaultFrom("Acme <hello@acme.example>").UseInMemory(sent));
        var customers = new[] { ("ann@example.com", "Ann"), ("bob@example.com", "Bob") };
        var inDoubt = new List<string>();

        // README: sending at volume
        var emails = customers.Select(c => (new EmailOptions { To = { c.Item1 } }, new WelcomeEmail(c.Item2, "Acme", new Uri("https://acme.example/confirm"))));
        await foreach (var outcome in mailer.SendBulkAsync(emails))
        {
            if (outcome.Kind == SendOutcomeKind.InDoubt)
            {
                inDoubt.Add(outcome.Id!); // may have been delivered: check before sending it again
            }
            else if (outcome.Kind != SendOutcomeKind.Sent)
            {
                Console.WriteLine($"#{outcome.Index} {outcome.Id}: {outcome.Kind} {outcome.Code}");
            }
        }
        // end README

        Assert.Empty(inDoubt);
        Assert.Equal(2, sent.Sent.Count);
    }
}
