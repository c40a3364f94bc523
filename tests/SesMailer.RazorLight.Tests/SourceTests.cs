using RazorLight.Razor;
using SesMailer.RazorLight.Tests.Models;
using Xunit;

namespace SesMailer.RazorLight.Tests;

/// <summary>Template sources: a folder written at run time, and a project of the application's own (a database table).</summary>
public sealed class SourceTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sesmailer-rl-").FullName;

    private string Folder => Path.Combine(_root, "templates");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_folder_serves_templates_written_at_run_time_and_keys_never_leave_it()
    {
        Directory.CreateDirectory(Path.Combine(Folder, "Mail"));
        await File.WriteAllTextAsync(Path.Combine(Folder, "Mail", "Note.text.cshtml"), "@model Greeting\nNote for @Model.Name\n");
        await File.WriteAllTextAsync(Path.Combine(Folder, "Mail", "Escape.text.cshtml"), "@model Greeting\n@{ Layout = \"../../outside\"; }\nx\n");
        await File.WriteAllTextAsync(Path.Combine(_root, "outside.text.cshtml"), "@RenderBody() leaked");
        var engine = new RazorLightEmailEngineBuilder().UseFolder(Folder).UseOperatingAssembly(typeof(Greeting).Assembly).Build();

        var note = await engine.RenderAsync("Mail/Note", new Greeting("Ann", []));
        var escape = await Assert.ThrowsAsync<ArgumentException>(() => engine.RenderAsync("Mail/Escape", new Greeting("Ann", [])));

        Assert.Equal("Note for Ann\n", note.Text);
        Assert.Contains("leaves the template folder", escape.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_application_project_such_as_a_database_table_is_a_source()
    {
        var table = new TableProject(new()
        {
            ["welcome.cshtml"] = "@model Greeting\n@{ Layout = \"_Layout\"; }\n<p>Hi @Model.Name</p>\n",
            ["welcome.text.cshtml"] = "@model Greeting\nHi @Model.Name\n",
        });
        var engine = new RazorLightEmailEngineBuilder().UseProject(table).UseOperatingAssembly(typeof(Greeting).Assembly).Build();

        var rendered = await engine.RenderAsync("welcome", new Greeting("Ann & Bo", []), "Hi {Name}");

        Assert.Equal("Hi Ann & Bo", rendered.Subject);
        Assert.Contains("<p>Hi Ann &amp; Bo</p>", rendered.Html, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", rendered.Html, StringComparison.Ordinal);
        Assert.Equal("Hi Ann & Bo\n", rendered.Text);
        Assert.Contains("welcome.cshtml", table.Reads);
    }

    /// <summary>A project over rows keyed by path, as an application would write one over its database; it cannot list its keys.</summary>
    private sealed class TableProject(Dictionary<string, string> rows) : RazorLightProject
    {
        public List<string> Reads { get; } = [];

        public override Task<RazorLightProjectItem> GetItemAsync(string templateKey)
        {
            lock (Reads)
            {
                Reads.Add(templateKey);
            }

            return Task.FromResult<RazorLightProjectItem>(new Row(templateKey, rows.GetValueOrDefault(templateKey)));
        }

        public override Task<IEnumerable<RazorLightProjectItem>> GetImportsAsync(string templateKey) =>
            Task.FromResult(Enumerable.Empty<RazorLightProjectItem>());

        public override Task<IEnumerable<string>> GetKnownKeysAsync() => Task.FromResult(Enumerable.Empty<string>());

        private sealed class Row(string key, string? text) : RazorLightProjectItem
        {
            public override string Key => key;

            public override bool Exists => text is not null;

            public override Stream Read() => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text!));
        }
    }
}
