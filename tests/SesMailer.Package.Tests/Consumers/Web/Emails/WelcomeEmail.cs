using SesMailer;

namespace Web.Emails;

[Email(Subject = "Welcome, {Name}!")]
public sealed partial record WelcomeEmail(string Name);
