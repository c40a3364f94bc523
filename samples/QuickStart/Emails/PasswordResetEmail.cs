using SesMailer;

namespace QuickStart.Emails;

/// <summary>Sent when someone asks to reset a password. The link expires, so the email says when.</summary>
[Email(Subject = "Reset your {Product} password")]
public sealed partial record PasswordResetEmail(string Name, string Product, Uri ResetUrl, int ValidForMinutes);
