using SesMailer;

namespace SesMailer.Benchmarks.Emails;

/// <summary>An order receipt: a loop over line items with formatted numbers and dates; no text template.</summary>
[Email(Subject = "Your receipt {OrderNumber}", From = "Acme Shop <orders@acme.example>")]
public sealed partial record ReceiptEmail(string Name, string OrderNumber, DateOnly OrderedOn, IReadOnlyList<LineItem> Items)
{
    /// <summary>The sum of every line.</summary>
    public decimal Total => Items.Sum(item => item.Total);
}

/// <summary>One row of a receipt.</summary>
public sealed record LineItem(string Description, int Quantity, decimal UnitPrice)
{
    /// <summary>Quantity times unit price.</summary>
    public decimal Total => Quantity * UnitPrice;
}
