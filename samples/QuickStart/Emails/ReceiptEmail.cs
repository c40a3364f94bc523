using SesMailer;

namespace QuickStart.Emails;

/// <summary>
/// A receipt with one row per line item. It has no text template: the text part comes from the HTML. Prices are
/// <see cref="Money"/> in the order's currency, so a receipt sent in French still says what was paid in dollars.
/// </summary>
[Email(Subject = "Your receipt {OrderNumber}")]
public sealed partial record ReceiptEmail(string Name, string OrderNumber, DateOnly OrderedOn, string Currency, IReadOnlyList<LineItem> Items)
{
    /// <summary>The sum of every line.</summary>
    public Money Total => Price(Items.Sum(item => item.Total));

    /// <summary>An amount in the order's currency, formatted in the send's culture by the template.</summary>
    public Money Price(decimal amount) => new(amount, Currency);
}

/// <summary>One row of a receipt.</summary>
public sealed record LineItem(string Description, int Quantity, decimal UnitPrice)
{
    /// <summary>Quantity times unit price.</summary>
    public decimal Total => Quantity * UnitPrice;
}
