using SesMailer;

namespace QuickStart.Emails;

/// <summary>A receipt with one row per line item. It has no text template: the text part comes from the HTML.</summary>
[Email(Subject = "Your receipt {OrderNumber}")]
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
