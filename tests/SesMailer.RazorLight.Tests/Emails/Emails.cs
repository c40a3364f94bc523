using SesMailer.RazorLight.Tests.Models;
using SesMailer.Rendering;

namespace SesMailer.RazorLight.Tests.Emails;

// The emails of the differential test. Their templates are compiled by the generator at build time and the same files
// are rendered by RazorLight at run time. Public, because run-time templates live in another assembly.

[Email(Subject = "Welcome, {Name}! {{beta}}", From = "Acme <hello@acme.example>", Category = "welcome")]
public sealed partial record WelcomeEmail(string Name, Uri ConfirmUrl, IReadOnlyList<string> Tips);

// Note is markup the application builds: an HtmlString, so @Html.Raw(Model.Note) is no SESM0007 warning.
[Email(Subject = "Receipt {Number} for {Customer.Name} ({Customer.Company}): {Total:0.00} EUR, {Items.Count} items", Layout = "_Layout")]
public sealed record ReceiptEmail(string Number, Customer Customer, IReadOnlyList<LineItem> Items, HtmlString? Note)
{
    public decimal Total => Items.Sum(i => i.Total);
}

public enum ResetReason { Forgotten, Expired, Compromised }

[Email(Subject = "Reset your password ({Reason})", Template = "Emails/Security/Reset")]
public sealed record PasswordResetEmail(string Name, Uri ResetUrl, ResetReason Reason, string? Fragment);

// URLs and a colour from the model in every shape of attribute Razor writes: checked alike by both paths.
[Email(Subject = "Your profile")]
public sealed record ProfileEmail(string Homepage, Uri Avatar, string Scheme, string Rest, string AppLink, string Color);

// The subject is a key of Resources/Subjects.resx (and .fr.resx, whose translation orders the placeholders otherwise):
// both paths look it up in the render's culture and fill it by placeholder name.
[Email(SubjectResource = typeof(SesMailer.RazorLight.Tests.Resources.Subjects), Subject = nameof(SesMailer.RazorLight.Tests.Resources.Subjects.DigestSubject))]
public sealed record DigestEmail(string Name, int Count, DateOnly Since);
