using SesMailer.Mailing;
using SesMailer.Rendering;

namespace SesMailer.Cli.Tests;

/// <summary>An outbox folder filled through the library's own file transport, as an application would fill it.</summary>
internal sealed class OutboxFolderSupport : IDisposable
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "folderoutbox-cli-" + Guid.NewGuid().ToString("N"));

    /// <summary>Writes <paramref name="count"/> messages and returns their stable ids.</summary>
    public async Task<IReadOnlyList<string>> QueueAsync(int count)
    {
        using var mailer = Mailer.Create(m => m.UseOutbox(Folder));
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var options = new EmailOptions { From = new EmailAddress("noreply@acme.example") };
            options.To.Add(new EmailAddress($"user{i}@example.com"));
            options.Bcc.Add(new EmailAddress("audit@example.com"));
            var result = await mailer.SendAsync(new EmailMessage(new RenderedEmail($"Message {i}", null, "Hello"), options));
            ids.Add(result.Id!);
        }

        return ids;
    }

    public string Sub(string name) => Path.Combine(Folder, name);

    public int Count(string? sub = null) => Directory.Exists(sub is null ? Folder : Sub(sub))
        ? Directory.GetFiles(sub is null ? Folder : Sub(sub), "*.eml").Length
        : 0;

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
