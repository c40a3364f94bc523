namespace SesMailer.Tests.TypedEmails;

/// <summary>A typed email with an HTML template only (its text part is generated from the HTML) and declared defaults.</summary>
[Email(Subject = "Order {OrderNumber} has shipped", From = "Acme Shipping <shipping@acme.example>", Category = "shipping")]
public sealed partial record OrderShippedEmail(string Name, string OrderNumber, Uri TrackingUrl, IReadOnlyList<string> Items);
