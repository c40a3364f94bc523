using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SesMailer.Benchmarks.Emails;
using SesMailer.Benchmarks.Peers;
using SesMailer.Benchmarks.Support;
using SesMailer.RazorLight;
using SesMailer.Rendering;

namespace SesMailer.Benchmarks.Rendering;

/// <summary>
/// Rendering a typed email (subject, HTML through the shipped layout and partials, text) with the generated
/// <c>Render{Name}Async</c> and through RazorLight at run time (the same <c>.cshtml</c> files, compiled once in the
/// setup, so a cached render is measured), against the same output written by hand with a <see cref="System.Text.StringBuilder"/>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RenderingBenchmarks
{
    private readonly WelcomeEmail _welcome = SampleData.Welcome;
    private readonly ReceiptEmail _receipt = SampleData.Receipt;
    private readonly CatalogueEmail _catalogue = SampleData.Catalogue;
    private readonly System.Globalization.CultureInfo _culture = SampleData.CatalogueCulture;
    private RazorLightEmailEngine _razorLight = null!;
    private FluidEmails _fluid = null!;
    private HandlebarsEmails _handlebars = null!;
    private RazorSlicesEmails _slices = null!;

    /// <summary>
    /// Compiles the run-time templates (RazorLight caches them), then proves that every candidate renders exactly
    /// what its baseline renders.
    /// </summary>
    [GlobalSetup]
    public async Task Setup()
    {
        _razorLight = new RazorLightEmailEngineBuilder()
            .UseFolder(AppContext.BaseDirectory)
            .UseOperatingAssembly(typeof(WelcomeEmail).Assembly)
            .Build();
        _fluid = new FluidEmails(Path.Combine(AppContext.BaseDirectory, "Peers", "Templates", "Liquid"));
        _slices = new RazorSlicesEmails(_welcome, _receipt, _catalogue, _culture);
        _handlebars = new HandlebarsEmails(Path.Combine(AppContext.BaseDirectory, "Peers", "Templates", "Handlebars"), _culture);
        RenderingCheck.Same("Welcome, generated", HandWrittenEmails.Welcome(_welcome), await _welcome.RenderWelcomeAsync());
        RenderingCheck.Same("Welcome, RazorLight", HandWrittenEmails.Welcome(_welcome), await WelcomeRazorLight());
        RenderingCheck.Same("Receipt, generated", HandWrittenEmails.Receipt(_receipt), await _receipt.RenderReceiptAsync());
        RenderingCheck.Same("Receipt, RazorLight", HandWrittenEmails.Receipt(_receipt), await ReceiptRazorLight());
        RenderingCheck.Same("Welcome, Fluid", HandWrittenEmails.Welcome(_welcome), await WelcomeFluid());
        RenderingCheck.Same("Welcome, Handlebars", HandWrittenEmails.Welcome(_welcome), WelcomeHandlebars());
        RenderingCheck.Same("Receipt, Fluid", HandWrittenEmails.Receipt(_receipt), await ReceiptFluid());
        RenderingCheck.Same("Receipt, Handlebars", HandWrittenEmails.Receipt(_receipt), ReceiptHandlebars());
        RenderingCheck.Same("Catalogue, generated", HandWrittenEmails.Catalogue(_catalogue, _culture), await CatalogueGenerated());
        RenderingCheck.Same("Catalogue, RazorLight", HandWrittenEmails.Catalogue(_catalogue, _culture), await CatalogueRazorLight());
        RenderingCheck.Same("Catalogue, Fluid", HandWrittenEmails.Catalogue(_catalogue, _culture), await CatalogueFluid());
        RenderingCheck.Same("Catalogue, Handlebars", HandWrittenEmails.Catalogue(_catalogue, _culture), CatalogueHandlebars());
        RenderingCheck.Same("Welcome, RazorSlices", HandWrittenEmails.Welcome(_welcome), await WelcomeRazorSlices());
        RenderingCheck.Same("Receipt, RazorSlices", HandWrittenEmails.Receipt(_receipt), await ReceiptRazorSlices());
        RenderingCheck.Same("Catalogue, RazorSlices", HandWrittenEmails.Catalogue(_catalogue, _culture), await CatalogueRazorSlices());
    }

    /// <summary>Baseline: the welcome email by hand.</summary>
    [Benchmark(Baseline = true, Description = "StringBuilder by hand")]
    [BenchmarkCategory("Welcome (layout, 2 partials, section, text)")]
    public RenderedEmail WelcomeByHand() => HandWrittenEmails.Welcome(_welcome);

    /// <summary>The welcome email through the generated method.</summary>
    [Benchmark(Description = "Generated RenderWelcomeAsync")]
    [BenchmarkCategory("Welcome (layout, 2 partials, section, text)")]
    public Task<RenderedEmail> WelcomeGenerated() => _welcome.RenderWelcomeAsync();

    /// <summary>The welcome email through RazorLight (cached).</summary>
    [Benchmark(Description = "RazorLight, cached")]
    [BenchmarkCategory("Welcome (layout, 2 partials, section, text)")]
    public Task<RenderedEmail> WelcomeRazorLight() => _razorLight.RenderAsync("Emails/WelcomeEmail", _welcome);

    /// <summary>Baseline: the receipt by hand.</summary>
    [Benchmark(Baseline = true, Description = "StringBuilder by hand")]
    [BenchmarkCategory("Receipt (layout, 10-row loop)")]
    public RenderedEmail ReceiptByHand() => HandWrittenEmails.Receipt(_receipt);

    /// <summary>The receipt through the generated method.</summary>
    [Benchmark(Description = "Generated RenderReceiptAsync")]
    [BenchmarkCategory("Receipt (layout, 10-row loop)")]
    public Task<RenderedEmail> ReceiptGenerated() => _receipt.RenderReceiptAsync();

    /// <summary>The receipt through RazorLight (cached).</summary>
    [Benchmark(Description = "RazorLight, cached")]
    [BenchmarkCategory("Receipt (layout, 10-row loop)")]
    public Task<RenderedEmail> ReceiptRazorLight() => _razorLight.RenderAsync("Emails/ReceiptEmail", _receipt);

    /// <summary>Baseline: the catalogue by hand.</summary>
    [Benchmark(Baseline = true, Description = "StringBuilder by hand")]
    [BenchmarkCategory("Catalogue (layout, 500 partials, Money, badges)")]
    public RenderedEmail CatalogueByHand() => HandWrittenEmails.Catalogue(_catalogue, _culture);

    /// <summary>The catalogue through the generated method.</summary>
    [Benchmark(Description = "Generated RenderCatalogueAsync")]
    [BenchmarkCategory("Catalogue (layout, 500 partials, Money, badges)")]
    public Task<RenderedEmail> CatalogueGenerated() => _catalogue.RenderCatalogueAsync(_culture);

    /// <summary>The catalogue through RazorLight (cached).</summary>
    [Benchmark(Description = "RazorLight, cached")]
    [BenchmarkCategory("Catalogue (layout, 500 partials, Money, badges)")]
    public Task<RenderedEmail> CatalogueRazorLight() => _razorLight.RenderAsync("Emails/CatalogueEmail", _catalogue, subject: null, _culture);

    /// <summary>The welcome email through Fluid (parsed once).</summary>
    [Benchmark(Description = "Fluid, parsed once")]
    [BenchmarkCategory("Welcome (layout, 2 partials, section, text)")]
    public ValueTask<RenderedEmail> WelcomeFluid() => _fluid.WelcomeAsync(_welcome);

    /// <summary>The welcome email through Handlebars.Net (compiled once).</summary>
    [Benchmark(Description = "Handlebars.Net, compiled once")]
    [BenchmarkCategory("Welcome (layout, 2 partials, section, text)")]
    public RenderedEmail WelcomeHandlebars() => _handlebars.Welcome(_welcome);

    /// <summary>The receipt through Fluid (parsed once).</summary>
    [Benchmark(Description = "Fluid, parsed once")]
    [BenchmarkCategory("Receipt (layout, 10-row loop)")]
    public ValueTask<RenderedEmail> ReceiptFluid() => _fluid.ReceiptAsync(_receipt);

    /// <summary>The receipt through Handlebars.Net (compiled once).</summary>
    [Benchmark(Description = "Handlebars.Net, compiled once")]
    [BenchmarkCategory("Receipt (layout, 10-row loop)")]
    public RenderedEmail ReceiptHandlebars() => _handlebars.Receipt(_receipt);

    /// <summary>The catalogue through Fluid (parsed once).</summary>
    [Benchmark(Description = "Fluid, parsed once")]
    [BenchmarkCategory("Catalogue (layout, 500 partials, Money, badges)")]
    public ValueTask<RenderedEmail> CatalogueFluid() => _fluid.CatalogueAsync(_catalogue, _culture);

    /// <summary>The catalogue through Handlebars.Net (compiled once).</summary>
    [Benchmark(Description = "Handlebars.Net, compiled once")]
    [BenchmarkCategory("Catalogue (layout, 500 partials, Money, badges)")]
    public RenderedEmail CatalogueHandlebars() => _handlebars.Catalogue(_catalogue);

    /// <summary>The welcome email through RazorSlices (to a string).</summary>
    [Benchmark(Description = "RazorSlices 0.12.2, to string")]
    [BenchmarkCategory("Welcome (layout, 2 partials, section, text)")]
    public ValueTask<RenderedEmail> WelcomeRazorSlices() => _slices.WelcomeAsync();

    /// <summary>The receipt through RazorSlices (to a string).</summary>
    [Benchmark(Description = "RazorSlices 0.12.2, to string")]
    [BenchmarkCategory("Receipt (layout, 10-row loop)")]
    public ValueTask<RenderedEmail> ReceiptRazorSlices() => _slices.ReceiptAsync();

    /// <summary>The catalogue through RazorSlices (to a string).</summary>
    [Benchmark(Description = "RazorSlices 0.12.2, to string")]
    [BenchmarkCategory("Catalogue (layout, 500 partials, Money, badges)")]
    public ValueTask<RenderedEmail> CatalogueRazorSlices() => _slices.CatalogueAsync();
}
