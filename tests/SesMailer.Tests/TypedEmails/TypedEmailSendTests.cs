using SesMailer.Configuration;
using SesMailer.Mailing;
using SesMailer.Transport;

namespace SesMailer.Tests.TypedEmails;

/// <summary>A generated <c>Send{Name}Async</c> through the real mailer pipeline.</summary>
public class TypedEmailSendTests
{
    [Fact]
    public async Task A_typed_email_is_rendered_given_its_per_email_defaults_and_a_generated_text_part()
    {
        var transport = new InMemoryTransport();
        var mailer = Mailer.Create(m => m.UseInMemory(transport).Configure(o =>
        {
            o.From = "Acme <noreply@acme.example>";
            o.Emails["OrderShipped"] = new EmailDefaults
            {
                ReplyTo = ["shipping@acme.example"],
                Tags = new Dictionary<string, string> { ["kind"] = "shipping" },
            };
        }));

        var email = new OrderShippedEmail("Zoë <admin>", "A-1001", new Uri("https://track.example/p?id=1&x=2"), ["Green tea", "Mug"]);
        var result = await mailer.SendOrderShippedAsync("ann@example.com", email);

        var sent = transport.AssertSentOf("OrderShipped");
        Assert.Equal(result.MessageId, sent.MessageId);
        Assert.Equal("Order A-1001 has shipped", sent.Subject);
        Assert.Equal(new EmailAddress("shipping@acme.example", "Acme Shipping"), sent.From); // declared beats global
        Assert.Equal("shipping@acme.example", Assert.Single(sent.ReplyTo).Address);
        Assert.Equal([new MessageTag("category", "shipping"), new MessageTag("kind", "shipping")], sent.Tags);
        Assert.Contains("&lt;admin&gt;!</h1>", sent.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(
            "Good news, Zoë <admin>!\n" + new string('=', 23) + "\n\nYour order is on its way:\n\n- Green tea\n- Mug\n\nTrack your parcel (https://track.example/p?id=1&x=2)\n",
            sent.TextBody!.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Configuration_for_the_email_overrides_its_declared_defaults_and_the_call_site_overrides_both()
    {
        var transport = new InMemoryTransport();
        var mailer = Mailer.Create(m => m.UseInMemory(transport).Configure(o =>
        {
            o.Emails["OrderShipped"] = new EmailDefaults
            {
                From = "Warehouse <warehouse@acme.example>",
                Tags = new Dictionary<string, string> { ["category"] = "logistics" },
            };
        }));
        var email = new OrderShippedEmail("Ann", "A-1002", new Uri("https://track.example/p?id=2"), ["Mug"]);

        await mailer.SendOrderShippedAsync("ann@example.com", email);
        var options = new EmailOptions { From = "desk@acme.example" };
        options.To.Add("ann@example.com");
        options.Tags.Add(new MessageTag("category", "vip"));
        await mailer.SendOrderShippedAsync(options, email);

        Assert.Equal(new EmailAddress("warehouse@acme.example", "Warehouse"), transport.Sent[0].From);
        Assert.Equal([new MessageTag("category", "logistics")], transport.Sent[0].Tags);
        Assert.Equal(new EmailAddress("desk@acme.example"), transport.Sent[1].From);
        Assert.Equal([new MessageTag("category", "vip")], transport.Sent[1].Tags);
    }
}
