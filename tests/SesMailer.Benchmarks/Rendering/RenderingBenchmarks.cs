using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SesMailer.Benchmarks.Emails;
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
    private RazorLightEmailEngine _razorLight = null!;

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
        RenderingCheck.Same("Welcome, generated", HandWrittenEmails.Welcome(_welcome), await _welcome.RenderWelcomeAsync());
        RenderingCheck.Same("Welcome, RazorLight", HandWrittenEmails.Welcome(_welcome), await WelcomeRazorLight());
        RenderingCheck.Same("Receipt, generated", HandWrittenEmails.Receipt(_receipt), await _receipt.RenderReceiptAsync());
        RenderingCheck.Same("Receipt, RazorLight", HandWrittenEmails.Receipt(_receipt), await ReceiptRazorLight());
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
}
