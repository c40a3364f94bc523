using System.Globalization;

namespace SesMailer.Benchmarks.Slices;

/// <summary>What the layout slice needs: the title, the preheader, and whether the page has a footer section.</summary>
public sealed record LayoutModel(string Title, string? Preheader, bool HasFooter);

/// <summary>The welcome email's model, as the benchmark's <c>WelcomeEmail</c>.</summary>
public sealed record WelcomeModel(string Name, string Product, Uri ConfirmUrl);

/// <summary>The button partial's model, as SesMailer's <c>ButtonModel</c>.</summary>
public sealed record ButtonSliceModel(string Text, Uri Url, string BackgroundColor = "#1a56db");

/// <summary>The footer partial's model, as SesMailer's <c>FooterModel</c> (sender and reason).</summary>
public sealed record FooterSliceModel(string SenderName, string? Reason);

/// <summary>The receipt's model, as the benchmark's <c>ReceiptEmail</c>.</summary>
public sealed record ReceiptModel(string Name, string OrderNumber, DateOnly OrderedOn, IReadOnlyList<ReceiptLine> Items, decimal Total);

/// <summary>One row of a receipt.</summary>
public sealed record ReceiptLine(string Description, int Quantity, decimal UnitPrice, decimal Total);

/// <summary>The catalogue's model, as the benchmark's <c>CatalogueEmail</c>, with the culture its prices are written in.</summary>
public sealed record CatalogueModel(string Shop, string Title, IReadOnlyList<ProductModel> Products, CultureInfo Culture);

/// <summary>One product of the catalogue.</summary>
public sealed record ProductModel(string Sku, string Name, Money Price, Money? WasPrice, bool IsNew, bool InStock, Uri Url, CultureInfo Culture);
