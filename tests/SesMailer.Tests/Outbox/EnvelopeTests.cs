using SesMailer.Outbox;
using SesMailer.Sending;
using SesMailer.Tests.Support;

namespace SesMailer.Tests.Outbox;

/// <summary>The file transport records each message's envelope beside its .eml, Bcc included, and the MIME keeps Bcc out.</summary>
public sealed class EnvelopeTests
{
    [Fact]
    public async Task The_envelope_beside_the_eml_holds_source_every_recipient_tags_configuration_set_id_and_name()
    {
        await using var outbox = await OutboxFixture.StartAsync();
        var result = await outbox.Writer.SendAsync(TestMessages.Valid(
            m =>
            {
                m.Options.Cc.Add(new EmailAddress("cy@example.com"));
                m.Options.Bcc.Add(new EmailAddress("hidden@example.com"));
                m.Options.Tags.Add(new MessageTag("campaign", "spring"));
                m.Options.ConfigurationSet = "marketing";
            },
            new EmailDeclaration("Welcome")));

        var eml = Assert.Single(Directory.GetFiles(outbox.Folder, "*.eml"));
        var envelope = new OutboxFolder(outbox.Folder).FindEnvelope(eml);

        Assert.NotNull(envelope);
        Assert.True(File.Exists(OutboxFolder.EnvelopePathOf(eml)));
        Assert.Equal(result.Id, envelope.Id);
        Assert.Equal("noreply@acme.example", envelope.From);
        Assert.Equal(["ann@example.com", "cy@example.com", "hidden@example.com"], envelope.Destinations.Order(StringComparer.Ordinal));
        Assert.Equal([new MessageTag("campaign", "spring")], envelope.Tags);
        Assert.Equal("marketing", envelope.ConfigurationSet);
        Assert.Equal("Welcome", envelope.EmailName);
        Assert.Null(envelope.Result);
        var mime = TestMessages.Parse(await File.ReadAllBytesAsync(eml));
        Assert.Empty(mime.Bcc);
        Assert.DoesNotContain("hidden@example.com", await File.ReadAllTextAsync(eml), StringComparison.Ordinal);
        Assert.Equal(result.Id, mime.Headers[StableId.HeaderName]);
        Assert.Empty(Directory.GetFiles(outbox.Folder, "*.tmp"));
    }

    [Fact]
    public void An_envelope_reads_back_what_was_written_with_its_result()
    {
        var envelope = new OutboxEnvelope
        {
            Id = StableId.New(),
            From = "a@example.com",
            Destinations = ["b@example.com", "c@example.com"],
            Tags = [new MessageTag("t", "v")],
            Result = new OutboxResult(SendOutcomeKind.Sent, DateTimeOffset.UnixEpoch, "ses-1", null, null),
        };

        var back = OutboxEnvelope.Parse(envelope.ToJson(), "x.envelope.json");

        Assert.Equal(envelope.Id, back.Id);
        Assert.Equal(envelope.Destinations, back.Destinations);
        Assert.Equal(envelope.Tags, back.Tags);
        Assert.Equal(envelope.Result, back.Result);
    }

    [Fact]
    public void A_damaged_envelope_is_a_format_error_naming_the_file()
    {
        var e = Assert.Throws<FormatException>(() => OutboxEnvelope.Parse("{\"Version\":1}"u8, "broken.envelope.json"));

        Assert.Contains("broken.envelope.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_eml_whose_envelope_is_missing_is_not_visible_until_its_rename_and_a_half_written_pair_is_ignored()
    {
        await using var outbox = await OutboxFixture.StartAsync();
        Directory.CreateDirectory(outbox.Folder);
        // What a crash between the two renames of a write leaves: an envelope, and the .eml still under its temporary name.
        await File.WriteAllTextAsync(Path.Combine(outbox.Folder, "x.envelope.json"), "{}");
        await File.WriteAllTextAsync(Path.Combine(outbox.Folder, "x.eml.tmp"), "partial");

        Assert.Empty(OutboxFolder.Messages(outbox.Folder));
        Assert.Equal(0, OutboxSender.CountQueued(outbox.Folder));
    }

    [Fact]
    public void Flushing_a_directory_works_on_this_system_and_a_missing_one_is_an_io_error()
    {
        var folder = Directory.CreateTempSubdirectory("folderoutbox-sync-").FullName;
        try
        {
            NativeDirectory.Sync(folder);
            File.WriteAllText(Path.Combine(folder, "a"), "a");
            DurableFile.Rename(Path.Combine(folder, "a"), Path.Combine(folder, "b"));

            Assert.True(File.Exists(Path.Combine(folder, "b")));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Throws<IOException>(() => NativeDirectory.Sync(Path.Combine(folder, "missing")));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
