using SesMailer;

namespace QuickStart.Emails;

/// <summary>Sent once, right after sign-up. Templates: WelcomeEmail.cshtml and WelcomeEmail.text.cshtml.</summary>
[Email(Subject = "Welcome to {Product}, {Name}!")]
public sealed partial record WelcomeEmail(string Name, string Product, Uri ConfirmUrl);
