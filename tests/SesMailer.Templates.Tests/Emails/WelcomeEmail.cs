using SesMailer;

namespace SesMailer.Templates.Tests.Emails;

[Email(Subject = "Welcome, {Name}!", From = "Acme <hello@acme.example>", Category = "onboarding")]
public sealed partial record WelcomeEmail(string Name, Uri ConfirmUrl);
