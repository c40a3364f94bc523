using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SesMailer.RazorLight.Tests.Models;
using Xunit;

namespace SesMailer.RazorLight.Tests;

/// <summary>Run-time templates from memory (as from a database): encoding, layouts, sections, partials, ViewData, imports.</summary>
public sealed class RenderingTests(MemoryEngineFixture fixture) : IClassFixture<MemoryEngineFixture>
{
    private RazorLightEmailEngine Engine => fixture.Engine;

    [Fact]
    public async Task Html_is_encoded_and_text_is_not()
    {
        var rendered = await Engine.RenderAsync("Greeting", new Greeting("Ann \"A\" <b>&", ["1 < 2"]), "Hi {Name}");

        Assert.Equal("Hi Ann \"A\" <b>&", rendered.Subject);
        Assert.Equal("<p class=\"Ann &quot;A&quot; &lt;b&gt;&amp;\">Hi Ann &quot;A&quot; &lt;b&gt;&amp;</p>\n<i>1 &lt; 2</i>\n<br><hr>\n", rendered.Html);
        Assert.Equal("Hi Ann \"A\" <b>&\n- 1 < 2\n", rendered.Text);
    }

    [Fact]
    public async Task A_culture_picks_the_localized_template_as_the_generator_does_and_formats_in_it()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            var model = new Greeting("Ann", []);
            var quebec = await Engine.RenderAsync("Localized", model, "{Name}: {Items.Count:N1}", CultureInfo.GetCultureInfo("fr-CA"));
            var france = await Engine.RenderAsync("Localized", model, "{Name}", CultureInfo.GetCultureInfo("fr-FR"));
            var germany = await Engine.RenderAsync("Localized", model, "{Name}", CultureInfo.GetCultureInfo("de-DE"));

            // fr-CA: no fr-CA HTML, so fr's; its own text. fr-FR: fr HTML, neutral text. de-DE: neutral, in German.
            Assert.Equal("Ann: 0,0", quebec.Subject);
            Assert.Equal("<p>Salut Ann, 12,5</p>\n", quebec.Html);
            Assert.Equal("Allo Ann, 12,5\n", quebec.Text);
            Assert.Equal("<p>Salut Ann, 12,5</p>\n", france.Html);
            Assert.Equal("Hi Ann, 12,5\n", france.Text);
            Assert.Equal("<p>Hi Ann, 12,5</p>\n", germany.Html);
            Assert.Equal("en-US", CultureInfo.CurrentCulture.Name);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task A_missing_body_is_null_and_the_subject_defaults_to_empty()
    {
        var rendered = await Engine.RenderAsync("TextOnly", new Greeting("Ann", []));

        Assert.Null(rendered.Html);
        Assert.Equal("Just text for Ann\n", rendered.Text);
        Assert.Equal(string.Empty, rendered.Subject);
    }

    [Fact]
    public async Task A_layout_of_the_application_gets_body_sections_and_view_data()
    {
        var rendered = await Engine.RenderAsync("Orders/Placed", new Order("A&1", 12.5m, DateTime.UnixEpoch, null));

        Assert.Equal("<title>Order A&amp;1</title>\n<header><b>A&amp;1</b></header>\n<p>Total 12.50</p>\n<footer></footer>\n", rendered.Html);
    }

    [Fact]
    public async Task A_required_section_that_is_missing_is_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Engine.RenderAsync("Orders/NoTop", new Order("1", 1m, DateTime.UnixEpoch, null)));

        Assert.Contains("requires section 'Top'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Orders/_OrderLayout.cshtml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shipped_layout_and_partials_work_from_runtime_templates_and_a_template_without_model_is_typed()
    {
        var rendered = await Engine.RenderAsync("Shipped", new Greeting("Zoë & Ann", []));

        var html = rendered.Html!;
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Hello</title>", html, StringComparison.Ordinal);
        Assert.Contains(">Pre &amp; header</div>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Zo&#xEB; &amp; Ann</p>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://acme.example/?a=1&amp;b=2\" target=\"_blank\"", html, StringComparison.Ordinal);
        Assert.Contains(">Unsubscribe</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_application_partial_found_in_any_folder_wins_over_a_shipped_one_of_the_same_name()
    {
        // As with the generator, partials and layouts are found by file name: the application's own first.
        var engine = new RazorLightEmailEngineBuilder()
            .UseTemplates(new Dictionary<string, string>
            {
                ["Mail/Uses.cshtml"] = "@model SesMailer.RazorLight.Tests.Models.Greeting\n@await Partial(\"_Button\", Model.Name)\n",
                ["Parts/_Button.cshtml"] = "@model string\n<button>@Model</button>\n",
            })
            .UseOperatingAssembly(typeof(Greeting).Assembly)
            .Build();

        var rendered = await engine.RenderAsync("Mail/Uses", new Greeting("<Go>", []));

        Assert.Equal("<button>&lt;Go&gt;</button>\n\n", rendered.Html);
    }

    [Fact]
    public async Task The_same_engine_renders_concurrently()
    {
        var renders = Enumerable.Range(0, 20).Select(i => Engine.RenderAsync("Greeting", new Greeting("N" + i, [i.ToString(System.Globalization.CultureInfo.InvariantCulture)])));

        var results = await Task.WhenAll(renders);

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal($"Hi N{i}\n- {i}\n", results[i].Text);
        }
    }
}

/// <summary>Registration with dependency injection, and cancellation.</summary>
public sealed class HostingTests(MemoryEngineFixture fixture) : IClassFixture<MemoryEngineFixture>
{
    [Fact]
    public async Task The_engine_is_one_singleton_that_renders()
    {
        using var provider = new ServiceCollection()
            .AddSesMailerRazorLight(templates => templates
                .UseTemplates(new Dictionary<string, string> { ["Hi.text.cshtml"] = "@model string\nHi @Model" })
                .UseOperatingAssembly(typeof(HostingTests).Assembly))
            .BuildServiceProvider();

        var engine = provider.GetRequiredService<RazorLightEmailEngine>();

        Assert.Same(engine, provider.GetRequiredService<RazorLightEmailEngine>());
        Assert.Equal("Hi <Ann>", (await engine.RenderAsync("Hi", "<Ann>")).Text);
    }

    [Fact]
    public async Task A_cancelled_render_stops_before_running_templates()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.Engine.RenderAsync("Greeting", new Greeting("Ann", []), null, cancellation.Token));
    }
}
