using System.Globalization;

namespace SesMailer.Tests.Globalization;

/// <summary>
/// Culture is not currency: the culture chooses separators, pattern and the symbol it writes for the amount's own
/// currency (CLDR data through ICU), never the currency itself.
/// </summary>
public class MoneyTests
{
    [Theory]
    [InlineData("en-US", "USD", "$1,234.50")]
    [InlineData("fr-FR", "USD", "1\u202F234,50 $US")]
    [InlineData("fr-FR", "EUR", "1\u202F234,50 €")]
    [InlineData("en-CA", "USD", "US$1,234.50")]
    [InlineData("en-US", "EUR", "€1,234.50")]
    [InlineData("de-DE", "GBP", "1.234,50 £")]
    [InlineData("fr-FR", "CAD", "1\u202F234,50 $CA")]
    [InlineData("en-US", "JPY", "¥1,235")]
    public void An_amount_keeps_its_currency_in_any_culture(string culture, string currency, string expected)
    {
        var money = new Money(1234.50m, currency);

        Assert.Equal(expected, money.ToString(null, CultureInfo.GetCultureInfo(culture)));
        Assert.Equal(expected, string.Create(CultureInfo.GetCultureInfo(culture), $"{money}"));
    }

    [Fact]
    public void A_decimal_formatted_as_currency_takes_the_culture_currency_which_is_why_Money_exists()
    {
        Assert.Equal("12,50 €", 12.50m.ToString("C", CultureInfo.GetCultureInfo("fr-FR")));
        Assert.Equal("12,50 $US", new Money(12.50m, "USD").ToString("C", CultureInfo.GetCultureInfo("fr-FR")));
    }

    [Fact]
    public void Explicit_decimals_the_invariant_culture_and_the_current_culture()
    {
        var money = new Money(12.5m, "usd");

        Assert.Equal("USD", money.Currency);
        Assert.Equal("$13", money.ToString("C0", CultureInfo.GetCultureInfo("en-US")));
        Assert.Equal("USD 12.50", money.ToString(null, CultureInfo.InvariantCulture));
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            Assert.Equal("12,50 $US", money.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("US")]
    [InlineData("US$")]
    [InlineData("€UR")]
    [InlineData("")]
    public void A_currency_that_is_not_three_letters_is_refused_naming_the_rule(string currency)
    {
        var error = Assert.Throws<ArgumentException>(() => new Money(1m, currency));

        Assert.Equal("currency", error.ParamName);
        Assert.Contains("ISO 4217", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_format_is_refused_naming_what_works()
    {
        var error = Assert.Throws<FormatException>(() => new Money(1m, "EUR").ToString("N2", CultureInfo.InvariantCulture));

        Assert.Contains("C0 to C9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_is_amount_and_currency()
    {
        Assert.Equal(new Money(1m, "eur"), new Money(1.00m, "EUR"));
        Assert.NotEqual(new Money(1m, "EUR"), new Money(1m, "USD"));
        Assert.Equal("XXX", default(Money).Currency);
    }

    [Theory]
    [InlineData("en-US", null)]
    [InlineData("fr-FR", "C0")]
    [InlineData("de-DE", "C3")]
    [InlineData("", null)]
    [InlineData("", "C4")]
    public void TryFormat_writes_what_ToString_returns(string culture, string? format)
    {
        var provider = CultureInfo.GetCultureInfo(culture);
        var money = new Money(-1234.5m, "EUR");
        Span<char> destination = stackalloc char[64];

        Assert.True(money.TryFormat(destination, out var written, format, provider));
        Assert.Equal(money.ToString(format, provider), destination[..written].ToString());
        Assert.False(money.TryFormat(destination[..3], out written, format, provider));
        Assert.Equal(0, written);
    }

    [Fact]
    public void A_culture_changed_between_two_amounts_is_honoured_by_the_second()
    {
        // Only a read-only culture's number format is kept between calls; a culture of the caller's may change.
        var culture = new CultureInfo("en-US");
        var money = new Money(1234.5m, "USD");
        Assert.Equal("$1,234.50", money.ToString(null, culture));

        culture.NumberFormat.CurrencyGroupSeparator = " ";
        Span<char> destination = stackalloc char[64];
        Assert.True(money.TryFormat(destination, out var written, default, culture));

        Assert.Equal("$1 234.50", destination[..written].ToString());
        Assert.Equal("$1 234.50", money.ToString(null, culture));
    }
}
