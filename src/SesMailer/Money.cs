using System.Collections.Concurrent;
using System.Globalization;
using SesMailer.Globalization;

namespace SesMailer;

/// <summary>
/// An amount in a currency (an ISO 4217 code), formatted in the reader's culture without changing its currency:
/// 12.50 USD is <c>$12.50</c> under en-US, <c>12,50 $US</c> under fr-FR and <c>US$12.50</c> under en-CA, never
/// <c>12,50 €</c>. A <see cref="decimal"/> formatted with <c>"C"</c> takes its currency from the culture, so sending
/// the same receipt in another language would silently change what the customer paid; use <see cref="Money"/> in
/// models instead (<c>@Model.Total</c> in a template, <c>{Total}</c> in a subject).
/// </summary>
/// <remarks>
/// The culture gives the separators, the pattern (where the symbol and the sign go), the symbol for that currency
/// as that culture writes it and its number of decimals, all from the platform's CLDR data (ICU's
/// <c>{culture}-u-cu-{code}</c>); nothing is hard-coded. The invariant culture writes the code: <c>USD 12.50</c>.
/// </remarks>
public readonly struct Money : IEquatable<Money>, ISpanFormattable
{
    private static readonly ConcurrentDictionary<(string Culture, string Currency), (string Symbol, int Digits)> Symbols = new();

    // The number format last made on this thread from a read-only culture's (which cannot change under it): a render
    // formats many amounts in one culture and currency, and cloning the culture's NumberFormatInfo for each of them
    // cost more than the formatting itself.
    [ThreadStatic]
    private static CurrencyFormat? t_lastFormat;

    private readonly string? _currency;

    /// <summary>Creates an amount in <paramref name="currency"/>.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="currency">An ISO 4217 code of three letters (<c>USD</c>, <c>eur</c>); stored in upper case.</param>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is not three ASCII letters.</exception>
    public Money(decimal amount, string currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetter))
        {
            throw new ArgumentException($"Money currency: '{currency}' is not an ISO 4217 currency code (three letters, such as USD or EUR).", nameof(currency));
        }

        Amount = amount;
        _currency = currency.ToUpperInvariant();
    }

    /// <summary>The amount.</summary>
    public decimal Amount { get; }

    /// <summary>The ISO 4217 code, in upper case. <value>The default value is <c>XXX</c> (ISO 4217's "no currency").</value></summary>
    public string Currency => _currency ?? "XXX";

    /// <summary>Whether two amounts are equal in the same currency.</summary>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Whether two amounts differ in amount or currency.</summary>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(Money other) => Amount == other.Amount && Currency == other.Currency;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Amount, Currency);

    /// <summary>Formats in the current culture (which is the send's culture while an email renders).</summary>
    public override string ToString() => ToString(null, null);

    /// <summary>
    /// Formats in the culture <paramref name="formatProvider"/> (or the current culture): <c>C</c> (the default) with
    /// the currency's usual number of decimals, <c>C0</c>…<c>C9</c> with that many.
    /// </summary>
    /// <exception cref="FormatException"><paramref name="format"/> is not <c>C</c> or <c>C</c> followed by a digit.</exception>
    /// <exception cref="InvalidOperationException">The app runs with invariant globalization and the culture is not the invariant one.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var culture = formatProvider as CultureInfo ?? CultureInfo.CurrentCulture;
        var digits = Digits(format);
        if (culture.Name.Length == 0)
        {
            // The invariant culture has no currency of its own and no symbols for others: the code is unambiguous.
            return Currency + " " + Amount.ToString(InvariantFormat(digits), CultureInfo.InvariantCulture);
        }

        return Amount.ToString("C", NumberFormat(culture, digits));
    }

    /// <summary>
    /// Writes what <see cref="ToString(string?, IFormatProvider?)"/> returns into <paramref name="destination"/>, without
    /// allocating a string (templates write amounts this way).
    /// </summary>
    /// <exception cref="FormatException"><paramref name="format"/> is not <c>C</c> or <c>C</c> followed by a digit.</exception>
    /// <exception cref="InvalidOperationException">The app runs with invariant globalization and the culture is not the invariant one.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var culture = provider as CultureInfo ?? CultureInfo.CurrentCulture;
        var digits = Digits(format);
        if (culture.Name.Length == 0)
        {
            var currency = Currency;
            if (destination.Length > currency.Length
                && Amount.TryFormat(destination[(currency.Length + 1)..], out var written, InvariantFormat(digits), CultureInfo.InvariantCulture))
            {
                currency.CopyTo(destination);
                destination[currency.Length] = ' ';
                charsWritten = currency.Length + 1 + written;
                return true;
            }

            charsWritten = 0;
            return false;
        }

        return Amount.TryFormat(destination, out charsWritten, "C", NumberFormat(culture, digits));
    }

    /// <summary>The decimals asked for by <paramref name="format"/>, or <see langword="null"/> for the currency's usual ones.</summary>
    private static int? Digits(ReadOnlySpan<char> format) => format switch
    {
        [] or ['C' or 'c'] => null,
        ['C' or 'c', >= '0' and <= '9'] => format[1] - '0',
        _ => throw new FormatException($"Money format: '{format}' is not supported; use C (the currency's usual decimals) or C0 to C9."),
    };

    private static string InvariantFormat(int? digits) => digits switch
    {
        null or 2 => "N2",
        _ => "N" + digits.Value.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary><paramref name="culture"/>'s currency format with this currency's symbol and <paramref name="digits"/> (or its usual) decimals.</summary>
    private NumberFormatInfo NumberFormat(CultureInfo culture, int? digits)
    {
        var currency = Currency;
        var source = culture.NumberFormat;

        // The same read-only format, culture, currency and decimals asked as last time on this thread (a template
        // writing a column of prices): the format made then, without the symbol lookup and its tuple hashing.
        if (t_lastFormat is { } recent && ReferenceEquals(recent.Source, source) && recent.Requested == digits
            && string.Equals(recent.Currency, currency, StringComparison.Ordinal) && string.Equals(recent.CultureName, culture.Name, StringComparison.Ordinal))
        {
            return recent.Format;
        }

        EmailCulture.EnsureSupported(culture);
        var (symbol, usual) = Symbols.GetOrAdd((culture.Name, currency), static key => Lookup(key.Culture, key.Currency));
        var decimals = digits ?? usual;
        if (t_lastFormat is { } last && ReferenceEquals(last.Source, source) && last.Decimals == decimals && last.Currency == currency
            && last.CultureName == culture.Name)
        {
            t_lastFormat = last with { Requested = digits };
            return last.Format;
        }

        var number = (NumberFormatInfo)source.Clone();
        number.CurrencySymbol = symbol;
        number.CurrencyDecimalDigits = decimals;
        if (source.IsReadOnly)
        {
            t_lastFormat = new CurrencyFormat(source, culture.Name, currency, digits, decimals, NumberFormatInfo.ReadOnly(number));
        }

        return number;
    }

    private sealed record CurrencyFormat(NumberFormatInfo Source, string CultureName, string Currency, int? Requested, int Decimals, NumberFormatInfo Format);

    /// <summary>The symbol <paramref name="cultureName"/> writes for <paramref name="currency"/>, and its usual decimals, from CLDR.</summary>
    private static (string Symbol, int Digits) Lookup(string cultureName, string currency)
    {
        // A Unicode locale extension asks ICU for this culture with another currency: fr-FR-u-cu-usd gives "$US".
        var extension = cultureName.IndexOf("-u-", StringComparison.OrdinalIgnoreCase);
        var baseName = extension < 0 ? cultureName : cultureName[..extension];
        var withCurrency = CultureInfo.GetCultureInfo(baseName + "-u-cu-" + currency.ToLowerInvariant());
        return (withCurrency.NumberFormat.CurrencySymbol, withCurrency.NumberFormat.CurrencyDecimalDigits);
    }
}
