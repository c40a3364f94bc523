using System.Net;
using Xunit;

namespace SesMailer.Preview.Tests;

/// <summary>
/// In Development, templates are rendered from the files on disk through SesMailer.RazorLight: an edit shows on the next
/// request without a rebuild. Each test works on its own copy of Emails/.
/// </summary>
public sealed class HotReloadTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "preview-hot-" + Guid.NewGuid().ToString("N"));

    public HotReloadTests()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Emails");
        Directory.CreateDirectory(Path.Combine(_root, "Emails"));
        foreach (var file in Directory.EnumerateFiles(source, "*.cshtml"))
        {
            File.Copy(file, Path.Combine(_root, "Emails", Path.GetFileName(file)));
        }
    }

    [Fact]
    public async Task An_edited_template_shows_on_the_next_request_and_the_page_says_which_path_rendered_it()
    {
        await using var server = await PreviewServer.StartAsync(configure: o => { o.HotReload = true; o.TemplateRoot = _root; });

        var (status, page, _) = await server.GetAsync("/emails/Order/Plain");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-render-path=\"hot-reload\"", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Order A-100</h1>", (await server.GetAsync("/emails/Order/Plain/html")).Body, StringComparison.Ordinal);

        Edit("Emails/OrderEmail.cshtml", text => text.Replace("<h1>Order @Model.Number</h1>", "<h1>Your order @Model.Number is on its way</h1>", StringComparison.Ordinal));

        Assert.Contains("<h1>Your order A-100 is on its way</h1>", (await server.GetAsync("/emails/Order/Plain/html")).Body, StringComparison.Ordinal);
        // The text template and the subject still come through the same send path.
        Assert.Contains("Order A-100 confirmed. Thanks, Ann.", (await server.GetAsync("/emails/Order/Plain?tab=text")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_broken_on_disk_shows_its_line_and_the_compiler_message()
    {
        await using var server = await PreviewServer.StartAsync(configure: o => { o.HotReload = true; o.TemplateRoot = _root; });
        Edit("Emails/OrderEmail.cshtml", text => text.Replace("Thanks, @Model.Customer.", "Thanks, @Model.Custmer.", StringComparison.Ordinal));

        var (status, body, _) = await server.GetAsync("/emails/Order/Plain");

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Matches("<tr data-error-location data-template=\"[^\"]*OrderEmail.cshtml\" data-line=\"3\">", body);
        Assert.Contains("Custmer", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_Development_the_compiled_templates_render_even_with_hot_reload_on()
    {
        await using var server = await PreviewServer.StartAsync("Production", o => { o.EnableOutsideDevelopment = true; o.HotReload = true; o.TemplateRoot = _root; });
        Edit("Emails/OrderEmail.cshtml", _ => "<h1>Changed on disk</h1>");

        var (_, page, _) = await server.GetAsync("/emails/Order/Plain");
        Assert.Contains("data-render-path=\"compiled\"", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Order A-100</h1>", (await server.GetAsync("/emails/Order/Plain/html")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_missing_on_disk_falls_back_to_the_compiled_one_and_the_page_says_why()
    {
        File.Delete(Path.Combine(_root, "Emails", "OrderEmail.cshtml"));
        await using var server = await PreviewServer.StartAsync(configure: o => { o.HotReload = true; o.TemplateRoot = _root; });

        var (_, page, _) = await server.GetAsync("/emails/Order/Plain");
        Assert.Contains("data-render-path=\"compiled\"", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"muted\" id=\"hot-reload-unavailable\">Hot reload not used: &#39;Emails/OrderEmail.cshtml&#39; is not under", page, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Edit(string relative, Func<string, string> change)
    {
        var path = Path.Combine(_root, relative);
        var before = File.GetLastWriteTimeUtc(path);
        File.WriteAllText(path, change(File.ReadAllText(path)));
        // A coarse file system clock could give the edit the same time stamp: move it on explicitly.
        File.SetLastWriteTimeUtc(path, before.AddSeconds(5));
    }
}
