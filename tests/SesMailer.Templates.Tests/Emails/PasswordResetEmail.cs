using SesMailer;

namespace SesMailer.Templates.Tests.Emails;

public enum ResetReason { Forgotten, Expired, Compromised }

[Email(Subject = "Reset your password", Template = "Emails/Security/Reset")]
internal sealed record PasswordResetEmail(string Name, Uri ResetUrl, ResetReason Reason, string? Fragment);
