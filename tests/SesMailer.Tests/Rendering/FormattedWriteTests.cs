using System.Globalization;
using System.Text.Encodings.Web;

namespace SesMailer.Tests.Rendering;

/// <summary>
/// Values a template writes with <c>@value.ToString(format, provider)</c> (which the generator turns into a write that
/// formats into the output) and without a format (written without boxing) read exactly as the strings
/// <c>ToString</c> returns, HTML-encoded in HTML and as they are in text.
/// </summary>
public class FormattedWriteTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private static FormattedValuesEmail Email => new(3, 1234.5m, new DateOnly(2026, 11, 25), new Money(3703.5m, "EUR"), new InvoiceReference(1234), Discount: null, Ratio: 0.5);

    [Fact]
    public async Task Formatted_values_are_written_as_their_ToString_encoded_in_html()
    {
        var email = Email;
        var rendered = await email.RenderFormattedValuesAsync(French);

        static string H(string value) => HtmlEncoder.Default.Encode(value);
        var expected =
            $"<p>3 × 1234.50 = {H(email.Total.ToString(null, French))}</p>\n"
            + $"<p>{H(1234.5m.ToString(French))} 003 25 novembre 2026</p>\n"
            + "<p>&lt;0.5&gt; &amp; co INV &lt;1,234&gt; </p>\n"
            + $"<p>{H(email.Total.ToString("C0", CultureInfo.GetCultureInfo("en-US")))} {H(email.Due.ToString(French))}</p>\n";
        Assert.Equal(expected, rendered.Html);
        Assert.Contains("&#x20AC;", rendered.Html, StringComparison.Ordinal); // the encoder's output for €, not the character
    }

    [Fact]
    public async Task Formatted_values_are_written_as_they_are_in_text()
    {
        var email = Email;
        var rendered = await email.RenderFormattedValuesAsync(French);

        Assert.Equal($"<0.5> & co 1234.50 3 {email.Total.ToString(null, French)}\n", rendered.Text!.ReplaceLineEndings("\n"));
    }
}
