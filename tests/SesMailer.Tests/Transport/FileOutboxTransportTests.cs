using SesMailer.Mailing;
using SesMailer.Mime;
using SesMailer.Tests.Support;
using SesMailer.Transport;

namespace SesMailer.Tests.Transport;

public sealed class FileOutboxTransportTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sesmailer-outbox-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Each_message_becomes_one_eml_file_that_parses_back()
    {
        var mailer = Mailer.Create(m => m.UseOutbox(_folder));

        var first = await mailer.SendAsync(TestMessages.Valid(email: new EmailDeclaration("Welcome")));
        var second = await mailer.SendAsync(TestMessages.Valid(m => m.Subject = "Second"));

        var files = Directory.GetFiles(_folder, "*.eml").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(2, files.Length);
        Assert.Equal(Path.GetFileName(files.Single(f => f.Contains("Welcome", StringComparison.Ordinal))), first.MessageId);
        Assert.Contains(files, f => Path.GetFileName(f) == second.MessageId);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(_folder, second.MessageId));
        Assert.Equal("Second", TestMessages.Parse(bytes).Subject);
        Mime.MimeLineTests.AssertSesSafe(bytes);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public async Task A_cancelled_write_leaves_no_file_behind()
    {
        var transport = new FileOutboxTransport(_folder);
        var email = new MimeComposer().Compose(TestMessages.Valid());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => transport.SendAsync(email, new CancellationToken(canceled: true)));

        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task A_send_is_durable_and_finished_when_the_call_returns()
    {
        // The files are written and flushed on the caller's thread (no hop to the thread pool per file), so the task
        // is already complete: a short-lived process never starts the pool to write its outbox.
        var transport = new FileOutboxTransport(_folder);

        var send = transport.SendAsync(new MimeComposer().Compose(TestMessages.Valid()));

        Assert.True(send.IsCompletedSuccessfully);
        Assert.True(File.Exists(Path.Combine(_folder, (await send).MessageId)));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public void The_default_folder_is_outbox_under_the_current_directory()
    {
        var transport = new FileOutboxTransport();
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "outbox"), transport.Folder);
    }

    [Fact]
    public void A_mailer_built_without_settings_writes_to_the_outbox()
    {
        var mailer = Mailer.Create();
        var transport = Assert.IsType<FileOutboxTransport>(mailer.Transport);
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "outbox"), transport.Folder);
    }
}
