using SesMailer.Benchmarks.Emails;

namespace SesMailer.Benchmarks.Support;

/// <summary>The inputs every benchmark shares, built once and deterministically (fixed seed), so runs compare.</summary>
public static class SampleData
{
    /// <summary>The sender of the hand-built messages.</summary>
    public const string From = "hello@acme.example";

    /// <summary>The recipient of every message.</summary>
    public const string To = "ann@example.com";

    /// <summary>A welcome email with a name that needs HTML encoding.</summary>
    public static WelcomeEmail Welcome { get; } = new("Ann O'Neil & Co", "Acme", new Uri("https://acme.example/confirm?token=7f3a9c&user=42"));

    /// <summary>A receipt with ten line items.</summary>
    public static ReceiptEmail Receipt { get; } = new(
        "Ann O'Neil",
        "A-2026-000417",
        new DateOnly(2026, 11, 25),
        [.. Enumerable.Range(1, 10).Select(i => new LineItem($"Item {i} <deluxe & co>", i % 3 + 1, 4.99m * i))]);

    /// <summary>
    /// A catalogue of 500 products: every name needs HTML encoding, every third is new, every fifth on sale, every
    /// seventh sold out; prices in US dollars.
    /// </summary>
    public static CatalogueEmail Catalogue { get; } = new(
        "Acme Shop",
        "New this week",
        [.. Enumerable.Range(1, 500).Select(i => new Product(
            $"SKU-{i:D5}",
            $"Widget {i} <{(i % 2 == 0 ? "blue" : "red")}> & co",
            new Money(4.99m + (i * 3), "USD"),
            i % 5 == 0 ? new Money(9.99m + (i * 3), "USD") : null,
            IsNew: i % 3 == 0,
            InStock: i % 7 != 0,
            new Uri($"https://shop.acme.example/p/{i}?ref=mail&list=weekly")))]);

    /// <summary>The culture the catalogue is rendered in (prices as en-US writes dollars: $1,234.99).</summary>
    public static System.Globalization.CultureInfo CatalogueCulture { get; } = System.Globalization.CultureInfo.GetCultureInfo("en-US");

    /// <summary>A 20 KB attachment (a PDF as far as MIME is concerned: the bytes are opaque and base64-encoded).</summary>
    public static byte[] AttachmentBytes { get; } = RandomBytes(20 * 1024, seed: 20);

    /// <summary>A 2 KB inline image, referred to from the HTML as <c>cid:logo</c>.</summary>
    public static byte[] ImageBytes { get; } = RandomBytes(2 * 1024, seed: 2);

    /// <summary>The HTML body of the MIME benchmarks (about 3 KB).</summary>
    public static string Html { get; } = string.Concat(
        "<html><body><h1>Your monthly report</h1>",
        string.Concat(Enumerable.Range(1, 40).Select(i => $"<p>Line {i}: everything went according to plan, café included.</p>\n")),
        "</body></html>\n");

    /// <summary>The same HTML showing the inline image (<c>cid:logo</c>) at the top.</summary>
    public static string HtmlWithImage { get; } = Html.Replace("<body>", "<body><img src=\"cid:logo\" alt=\"Acme\">", StringComparison.Ordinal);

    /// <summary>The text body of the MIME benchmarks.</summary>
    public static string Text { get; } = string.Concat(
        "Your monthly report\n\n",
        string.Concat(Enumerable.Range(1, 40).Select(i => $"Line {i}: everything went according to plan, café included.\n")));

    /// <summary>Deterministic pseudo-random bytes (incompressible, like a real PDF or image).</summary>
    public static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
