namespace SesMailer.Tests.TypedEmails;

/// <summary>A typed email with an HTML template only: its text part is generated from the HTML.</summary>
[Email(Subject = "Order {OrderNumber} has shipped")]
public sealed partial record OrderShippedEmail(string Name, string OrderNumber, Uri TrackingUrl, IReadOnlyList<string> Items);
