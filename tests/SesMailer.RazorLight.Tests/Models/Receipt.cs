namespace SesMailer.RazorLight.Tests.Models;

public sealed record LineItem(string Description, int Quantity, decimal UnitPrice)
{
    public decimal Total => Quantity * UnitPrice;
}

public sealed record Customer(string Name, string? Company);
