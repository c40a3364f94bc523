using Microsoft.Extensions.Time.Testing;
using SesMailer.Mime;
using SesMailer.Tests.Support;
using SesMailer.Transport;

namespace SesMailer.Tests.Transport;

/// <summary>A process killed between writing <c>name.eml.tmp</c> and renaming it leaves the temporary file behind; the next transport removes it.</summary>
public sealed class FileOutboxCleanupTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sesmailer-outbox-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    public FileOutboxCleanupTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_first_send_deletes_stale_temporary_files_but_not_fresh_ones_or_other_files()
    {
        var stale = Touch("20260101-000000-000-crashed.eml.tmp", TimeSpan.FromMinutes(10));
        var fresh = Touch("20260101-000000-000-in-flight.eml.tmp", TimeSpan.FromSeconds(10));
        var oldMessage = Touch("20260101-000000-000-sent.eml", TimeSpan.FromDays(3));
        var otherTemporary = Touch("notes.tmp", TimeSpan.FromDays(3));
        var transport = new FileOutboxTransport(_folder, _time);

        var result = await transport.SendAsync(TestMessages.Compose(TestMessages.Valid()));

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh));
        Assert.True(File.Exists(oldMessage));
        Assert.True(File.Exists(otherTemporary));
        Assert.True(File.Exists(Path.Combine(_folder, result.MessageId)));
    }

    [Fact]
    public async Task Stale_envelope_temporaries_go_too_but_other_json_temporaries_stay()
    {
        var envelope = Touch("20260101-000000-000-crashed.envelope.json.tmp", TimeSpan.FromMinutes(10));
        var otherJson = Touch("settings.json.tmp", TimeSpan.FromMinutes(10));
        var notTemporary = Touch("20260101-000000-000-crashed.eml.tmp.bak", TimeSpan.FromMinutes(10));

        await new FileOutboxTransport(_folder, _time).SendAsync(TestMessages.Compose(TestMessages.Valid()));

        Assert.False(File.Exists(envelope));
        Assert.True(File.Exists(otherJson));
        Assert.True(File.Exists(notTemporary));
    }

    [Fact]
    public async Task The_folder_is_swept_once_per_transport()
    {
        var transport = new FileOutboxTransport(_folder, _time);
        await transport.SendAsync(TestMessages.Compose(TestMessages.Valid()));
        var later = Touch("20260101-000000-000-later.eml.tmp", TimeSpan.FromMinutes(10));

        await transport.SendAsync(TestMessages.Compose(TestMessages.Valid()));

        Assert.True(File.Exists(later));
        await new FileOutboxTransport(_folder, _time).SendAsync(TestMessages.Compose(TestMessages.Valid()));
        Assert.False(File.Exists(later));
    }

    [Fact]
    public async Task A_temporary_file_just_past_the_grace_period_is_deleted()
    {
        var edge = Touch("edge.eml.tmp", FileOutboxTransport.TemporaryFileGracePeriod + TimeSpan.FromSeconds(5));
        var inside = Touch("inside.eml.tmp", FileOutboxTransport.TemporaryFileGracePeriod - TimeSpan.FromSeconds(5));

        await new FileOutboxTransport(_folder, _time).SendAsync(TestMessages.Compose(TestMessages.Valid()));

        Assert.False(File.Exists(edge));
        Assert.True(File.Exists(inside));
    }

    /// <summary>Creates a file last written <paramref name="age"/> before the fake clock's now.</summary>
    private string Touch(string name, TimeSpan age)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, "partial");
        File.SetLastWriteTimeUtc(path, _time.GetUtcNow().UtcDateTime - age);
        return path;
    }
}
