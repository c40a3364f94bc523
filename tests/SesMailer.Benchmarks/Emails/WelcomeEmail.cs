using SesMailer;

namespace SesMailer.Benchmarks.Emails;

/// <summary>A sign-up confirmation: the shipped layout, a button partial and a footer section.</summary>
[Email(Subject = "Welcome to {Product}, {Name}!", From = "Acme <hello@acme.example>")]
public sealed partial record WelcomeEmail(string Name, string Product, Uri ConfirmUrl);
