using SesMailer.Outbox;
using SesMailer.Tests.Support;
using SesMailer.Transport;

namespace SesMailer.Tests.Outbox;

/// <summary>
/// A folder a send creates must itself survive a power cut, so the parent of every level created is flushed. A flush
/// cannot be observed from a test; what is proved is which levels count as created (each one's parent is flushed)
/// and that sends into a new, nested folder work.
/// </summary>
public sealed class DurableDirectoryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sesmailer-durable-dir-" + Guid.NewGuid().ToString("N"));

    public DurableDirectoryTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Every_missing_level_is_created_outermost_first_and_an_existing_folder_creates_nothing()
    {
        var a = Path.Combine(_root, "a");
        var b = Path.Combine(a, "b");
        var c = Path.Combine(b, "c");

        var created = DurableDirectory.Create(c);

        Assert.Equal([a, b, c], created);
        Assert.True(Directory.Exists(c));
        Assert.Empty(DurableDirectory.Create(c));
        Assert.Equal([Path.Combine(c, "d")], DurableDirectory.Create(Path.Combine(c, "d")));
    }

    [Fact]
    public void A_relative_path_is_reported_as_the_absolute_folders_it_created()
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(_root, "x", "y"));

        var created = DurableDirectory.Create(relative);

        Assert.Equal([Path.Combine(_root, "x"), Path.Combine(_root, "x", "y")], created);
    }

    [Fact]
    public async Task A_send_into_a_folder_that_does_not_exist_yet_creates_it_and_writes_the_message()
    {
        var folder = Path.Combine(_root, "new", "outbox");
        var transport = new FileOutboxTransport(folder);

        var result = await transport.SendAsync(TestMessages.Compose(TestMessages.Valid()));

        Assert.True(File.Exists(Path.Combine(folder, result.MessageId)));
    }
}
