using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;
using Microsoft.Extensions.FileProviders;
using SesMailer.Benchmarks.Emails;
using SesMailer.Rendering;

namespace SesMailer.Benchmarks.Peers;

/// <summary>
/// The same emails in Liquid with Fluid.Core (<c>Peers/Templates/Liquid</c>), each template parsed once. Fluid.Core has
/// no layouts, so a render is what a Fluid user writes: the email's template, whose <c>capture</c>s and <c>assign</c>s
/// (title, preheader, footer) stay in the context, then the layout in the same context with the body as markup.
/// Partials are <c>{% render %}</c> (Fluid caches their parsed templates). HTML is encoded by the same
/// <see cref="HtmlEncoder.Default"/> as the generated templates, so no output differs by encoding.
/// </summary>
public sealed class FluidEmails
{
    private readonly TemplateOptions _options;
    private readonly IFluidTemplate _layout;
    private readonly IFluidTemplate _welcome;
    private readonly IFluidTemplate _welcomeText;
    private readonly IFluidTemplate _receipt;
    private readonly IFluidTemplate _catalogue;
    private readonly IFluidTemplate _welcomeSubject;
    private readonly IFluidTemplate _receiptSubject;
    private readonly IFluidTemplate _catalogueSubject;

    /// <summary>Parses every template of <paramref name="folder"/> once.</summary>
    public FluidEmails(string folder)
    {
        _options = new TemplateOptions { FileProvider = new PhysicalFileProvider(folder) };
        _options.MemberAccessStrategy.Register<WelcomeEmail>();
        _options.MemberAccessStrategy.Register<ReceiptEmail>();
        _options.MemberAccessStrategy.Register<LineItem>();
        _options.MemberAccessStrategy.Register<CatalogueEmail>();
        _options.MemberAccessStrategy.Register<Product>();
        // Values as the Razor templates write them: a Uri as its text, a date as a date, Money in the render's culture.
        _options.ValueConverters.Add(value => value switch
        {
            Uri uri => new StringValue(uri.ToString()),
            DateOnly date => new DateTimeValue(date.ToDateTime(TimeOnly.MinValue)),
            Money money => new ObjectValue(money),
            _ => null,
        });
        _options.Filters.AddFilter("money", static (input, _, context) =>
            new ValueTask<FluidValue>(new StringValue(((Money)input.ToObjectValue()).ToString(null, context.CultureInfo))));

        var parser = new FluidParser();
        IFluidTemplate Parse(string name) => parser.Parse(File.ReadAllText(Path.Combine(folder, name)));
        _layout = Parse("_Layout.liquid");
        _welcome = Parse("Welcome.liquid");
        _welcomeText = Parse("Welcome.text.liquid");
        _receipt = Parse("Receipt.liquid");
        _catalogue = Parse("Catalogue.liquid");
        _welcomeSubject = parser.Parse("Welcome to {{ Product }}, {{ Name }}!");
        _receiptSubject = parser.Parse("Your receipt {{ OrderNumber }}");
        _catalogueSubject = parser.Parse("{{ Title }} at {{ Shop }}");
    }

    /// <summary>The welcome email: subject, HTML through the layout, text.</summary>
    public async ValueTask<RenderedEmail> WelcomeAsync(WelcomeEmail email)
    {
        var context = new TemplateContext(email, _options) { CultureInfo = CultureInfo.CurrentCulture };
        var html = await WithLayoutAsync(_welcome, context);
        var text = await _welcomeText.RenderAsync(new TemplateContext(email, _options) { CultureInfo = CultureInfo.CurrentCulture }, NullEncoder.Default);
        return new RenderedEmail(await _welcomeSubject.RenderAsync(context, NullEncoder.Default), html, text);
    }

    /// <summary>The receipt (no text body).</summary>
    public async ValueTask<RenderedEmail> ReceiptAsync(ReceiptEmail email)
    {
        var context = new TemplateContext(email, _options) { CultureInfo = CultureInfo.InvariantCulture };
        var html = await WithLayoutAsync(_receipt, context);
        return new RenderedEmail(await _receiptSubject.RenderAsync(context, NullEncoder.Default), html, null);
    }

    /// <summary>The catalogue in <paramref name="culture"/> (no text body).</summary>
    public async ValueTask<RenderedEmail> CatalogueAsync(CatalogueEmail email, CultureInfo culture)
    {
        var context = new TemplateContext(email, _options) { CultureInfo = culture };
        var html = await WithLayoutAsync(_catalogue, context);
        return new RenderedEmail(await _catalogueSubject.RenderAsync(context, NullEncoder.Default), html, null);
    }

    private async ValueTask<string> WithLayoutAsync(IFluidTemplate template, TemplateContext context)
    {
        // Not isolated: what the email's template assigns and captures (title, preheader, footer) is the layout's input.
        var body = await template.RenderAsync(context, HtmlEncoder.Default, isolateContext: false);
        context.SetValue("body", new StringValue(body, encode: false));
        return await _layout.RenderAsync(context, HtmlEncoder.Default);
    }
}
