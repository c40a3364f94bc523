using SesMailer;

namespace SesMailer.Benchmarks.Emails;

/// <summary>
/// A product catalogue: the shipped layout, a loop over 500 products, a partial per product with a link, prices in
/// <see cref="Money"/> formatted in the send's culture, and badges (new, on sale, sold out) shown only when they apply.
/// </summary>
[Email(Subject = "{Title} at {Shop}", From = "Acme Shop <news@acme.example>")]
public sealed partial record CatalogueEmail(string Shop, string Title, IReadOnlyList<Product> Products);

/// <summary>One product of the catalogue.</summary>
/// <param name="Sku">The stock-keeping unit.</param>
/// <param name="Name">The product name (may need HTML encoding).</param>
/// <param name="Price">The price now.</param>
/// <param name="WasPrice">The price before a sale, or null when the product is not on sale.</param>
/// <param name="IsNew">Whether to show the "New" badge.</param>
/// <param name="InStock">Whether it can be ordered; otherwise a "Sold out" badge.</param>
/// <param name="Url">The product page.</param>
public sealed record Product(string Sku, string Name, Money Price, Money? WasPrice, bool IsNew, bool InStock, Uri Url);
