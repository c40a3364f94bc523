using System.Globalization;
using System.Text.Encodings.Web;
using RazorSlices;
using SesMailer.Benchmarks.Emails;
using SesMailer.Benchmarks.Slices;
using SesMailer.Benchmarks.Slices.Slices;
using SesMailer.Rendering;

namespace SesMailer.Benchmarks.Peers;

/// <summary>
/// The same emails as RazorSlices 0.12.2 (tests/SesMailer.Benchmarks.Slices): Razor views compiled by the Razor SDK
/// behind typed slices, with a layout slice (<c>IUsesLayout</c>), partial slices and a footer section
/// (<c>ExecuteSectionAsync</c>). Rendered to a string, like the generated <c>Render{Name}Async</c>, with the same
/// <see cref="HtmlEncoder.Default"/>. The slices' models mirror the emails' and are built once, here, so a render
/// measures rendering only.
/// </summary>
public sealed class RazorSlicesEmails
{
    private readonly WelcomeModel _welcome;
    private readonly ReceiptModel _receipt;
    private readonly CatalogueModel _catalogue;
    private readonly string _welcomeSubject;
    private readonly string _receiptSubject;
    private readonly string _catalogueSubject;

    /// <summary>The slices' models for <paramref name="welcome"/>, <paramref name="receipt"/> and <paramref name="catalogue"/> (in <paramref name="culture"/>).</summary>
    public RazorSlicesEmails(WelcomeEmail welcome, ReceiptEmail receipt, CatalogueEmail catalogue, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(welcome);
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(catalogue);
        _welcome = new WelcomeModel(welcome.Name, welcome.Product, welcome.ConfirmUrl);
        _receipt = new ReceiptModel(
            receipt.Name,
            receipt.OrderNumber,
            receipt.OrderedOn,
            [.. receipt.Items.Select(item => new ReceiptLine(item.Description, item.Quantity, item.UnitPrice, item.Total))],
            receipt.Total);
        _catalogue = new CatalogueModel(
            catalogue.Shop,
            catalogue.Title,
            [.. catalogue.Products.Select(p => new ProductModel(p.Sku, p.Name, p.Price, p.WasPrice, p.IsNew, p.InStock, p.Url, culture))],
            culture);

        // RazorSlices renders markup only; the subjects are the same interpolations the generated code makes.
        _welcomeSubject = $"Welcome to {welcome.Product}, {welcome.Name}!";
        _receiptSubject = $"Your receipt {receipt.OrderNumber}";
        _catalogueSubject = string.Create(culture, $"{catalogue.Title} at {catalogue.Shop}");
    }

    /// <summary>The welcome email: HTML through the layout slice, and the text slice.</summary>
    public async ValueTask<RenderedEmail> WelcomeAsync()
    {
        var html = await Welcome.Create(_welcome).RenderAsync(HtmlEncoder.Default);
        var text = await WelcomeText.Create(_welcome).RenderAsync(HtmlEncoder.Default);
        return new RenderedEmail(_welcomeSubject, html, text);
    }

    /// <summary>The receipt (no text body).</summary>
    public async ValueTask<RenderedEmail> ReceiptAsync() =>
        new(_receiptSubject, await Receipt.Create(_receipt).RenderAsync(HtmlEncoder.Default), null);

    /// <summary>The catalogue (no text body).</summary>
    public async ValueTask<RenderedEmail> CatalogueAsync() =>
        new(_catalogueSubject, await Catalogue.Create(_catalogue).RenderAsync(HtmlEncoder.Default), null);
}
