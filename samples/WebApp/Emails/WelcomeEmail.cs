using SesMailer;

namespace WebApp.Emails;

/// <summary>Sent after sign-up. In a Web SDK project the templates live outside Views/ and Pages/, which MVC owns.</summary>
[Email(Subject = "Welcome, {Name}!", Category = "onboarding")]
public sealed partial record WelcomeEmail(string Name, Uri ConfirmUrl);
