using System.Globalization;
using QuickStart.Emails;
using SesMailer;

namespace QuickStart;

/// <summary>
/// The quick start's three emails as preview samples, with the values <see cref="QuickStartApp"/> sends: a preview
/// server (<c>app.MapEmailPreviews("/emails")</c>) or <c>sesmailer preview --project samples/QuickStart</c> shows them,
/// and the browser tests take the README's pictures from them.
/// </summary>
public static class SamplePreviews
{
    /// <summary>The welcome email.</summary>
    [EmailPreview("Ann")]
    public static WelcomeEmail Welcome() => new("Ann", "Acme", new Uri("https://acme.example/confirm?token=3f9a"));

    /// <summary>The password reset email.</summary>
    [EmailPreview("Ann")]
    public static PasswordResetEmail PasswordReset() => new("Ann", "Acme", new Uri("https://acme.example/reset?token=b71c"), ValidForMinutes: 30);

    /// <summary>The receipt, in French as the quick start sends it: dates and numbers follow the send, the dollars stay dollars.</summary>
    [EmailPreview("Ann, in French")]
    public static EmailPreview<ReceiptEmail> Receipt() => new(
        new ReceiptEmail("Ann", "A-1042", new DateOnly(2026, 11, 25), "USD",
        [
            new LineItem("Coffee beans, 1 kg", 2, 18.50m),
            new LineItem("Grinder <Pro>", 1, 89.00m),
            new LineItem("Filter papers", 3, 4.20m),
        ]),
        new EmailOptions { Culture = CultureInfo.GetCultureInfo("fr-FR") });
}
