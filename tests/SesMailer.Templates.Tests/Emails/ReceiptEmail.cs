using SesMailer;
using SesMailer.Rendering;
using SesMailer.Templates.Tests.Models;

namespace SesMailer.Templates.Tests.Emails;

// Note is markup the application builds: an HtmlString, so @Html.Raw(Model.Note) is no SESM0007 warning.
[Email(
    Subject = "Receipt {Number} for {Customer.Name}: {Total:0.00} EUR",
    From = "billing@acme.example",
    ReplyTo = "Acme Billing <support@acme.example>",
    Layout = "_Layout",
    Category = "billing",
    Tags = ["kind=receipt"])]
public sealed record ReceiptEmail(string Number, Customer Customer, IReadOnlyList<LineItem> Items, HtmlString? Note)
{
    public decimal Total => Items.Sum(i => i.Total);
}
