using SesMailer;

namespace WebApp.Emails;

/// <summary>Samples of the welcome email for the preview pages at /emails (and for <c>sesmailer preview</c>).</summary>
public static class WelcomePreviews
{
    [EmailPreview("Typical")]
    public static WelcomeEmail Typical() => new("Ann", new Uri("https://acme.example/confirm?user=ann%40example.com"));

    [EmailPreview("Long name")]
    public static WelcomeEmail LongName() => new("Maximilian Alexander von Habsburg-Lothringen", new Uri("https://acme.example/confirm?user=max%40example.com"));
}
