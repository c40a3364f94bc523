using System.Globalization;

namespace SesMailer.Tests.Rendering;

/// <summary>An email whose templates write numbers, dates and amounts with and without a format (see <see cref="FormattedWriteTests"/>).</summary>
/// <remarks><see cref="Ratio"/> is written with a format whose output needs HTML encoding.</remarks>
[Email(Subject = "Invoice {Reference}")]
public sealed partial record FormattedValuesEmail(int Quantity, decimal UnitPrice, DateOnly Due, Money Total, InvoiceReference Reference, decimal? Discount, double Ratio);

/// <summary>An <see cref="IFormattable"/> that cannot format into a span, written through the fallback overload.</summary>
public sealed class InvoiceReference(int number) : IFormattable
{
    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        format == "long" ? string.Create(formatProvider, $"INV <{number:N0}>") : number.ToString(formatProvider);

    /// <inheritdoc />
    public override string ToString() => ToString(null, CultureInfo.CurrentCulture);
}
