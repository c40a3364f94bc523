using SesMailer;

namespace Consumer.Emails;

[Email(Subject = "Welcome to {Product}, {Name}!", Layout = "_Layout")]
public sealed partial record WelcomeEmail(string Name, string Product, Uri ConfirmUrl);
