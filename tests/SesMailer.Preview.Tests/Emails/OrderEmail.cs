using SesMailer;

namespace SesMailer.Preview.Tests.Emails;

[Email(Subject = "Order {Number} confirmed", From = "Shop <orders@shop.example>")]
public sealed record OrderEmail(string Number, string Customer, bool ShowLogo = false);
