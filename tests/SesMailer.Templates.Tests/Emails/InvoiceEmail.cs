using SesMailer;
using SesMailer.Rendering;

namespace SesMailer.Templates.Tests.Emails;

[Email(Subject = "Invoice {Number}")]
public sealed record InvoiceEmail(string Number);

/// <summary>A custom template base, used with @inherits: templates can share helpers this way.</summary>
public abstract class BrandedTemplate<TModel> : EmailTemplate<TModel>
{
    protected static string Brand => "Acme & Sons";
}
