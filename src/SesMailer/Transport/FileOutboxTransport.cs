using System.Globalization;
using SesMailer.Outbox;

namespace SesMailer.Transport;

/// <summary>
/// Writes every message as one <c>.eml</c> file into a folder (by default <c>./outbox</c>), where any mail client
/// opens it. The default transport when no AWS settings exist, so nothing is sent by accident during development.
/// Beside each <c>name.eml</c> goes its envelope, <c>name.envelope.json</c>: the sender, every recipient (Bcc
/// recipients are there only, never in the file), configuration set, tags and stable id, so that
/// <see cref="OutboxSender"/> (<c>sesmailer send-outbox</c>) can send the folder later exactly as it would have been sent.
/// </summary>
/// <remarks>
/// Both files are written under <c>.tmp</c> names and flushed to disk, then the envelope is renamed and the
/// <c>.eml</c> last: a reader never sees a half-written pair, and a crash leaves either the whole message or only
/// temporary files. The first send of each transport deletes the <c>*.eml.tmp</c> and <c>*.envelope.json.tmp</c>
/// files of the folder last written more than a minute ago: writes a killed process never finished.
/// </remarks>
public sealed class FileOutboxTransport : IEmailTransport
{
    /// <summary>The folder used when none is configured.</summary>
    public const string DefaultFolder = "outbox";

    /// <summary>
    /// How long ago a leftover <c>*.eml.tmp</c> file must have been last written for the first send to delete it.
    /// Writing one message takes far less, so a file this old belongs to no write in progress, while another
    /// process (or transport) writing into the same folder keeps its temporary file.
    /// </summary>
    internal static readonly TimeSpan TemporaryFileGracePeriod = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time;
    private int _swept;

    /// <summary>Creates a transport writing into <paramref name="folder"/> (created on first send).</summary>
    /// <param name="folder">The folder; relative paths are relative to the current directory. <see langword="null"/> means <c>./outbox</c>.</param>
    /// <param name="timeProvider">Clock for file names and the age of leftover temporary files; the system clock by default.</param>
    public FileOutboxTransport(string? folder = null, TimeProvider? timeProvider = null)
    {
        Folder = Path.GetFullPath(string.IsNullOrWhiteSpace(folder) ? DefaultFolder : folder);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The absolute path of the outbox folder.</summary>
    public string Folder { get; }

    /// <summary>
    /// Writes the message to <c>{Folder}/{yyyyMMdd-HHmmss-fff}-{name}-{id}.eml</c> and its envelope beside it; the
    /// result's message id is the file name.
    /// </summary>
    /// <exception cref="IOException">The folder cannot be written.</exception>
    public async Task<SendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        DurableDirectory.Create(Folder);
        // Once per transport; a concurrent first send need not wait, its temporary file is within the grace period.
        if (Interlocked.Exchange(ref _swept, 1) == 0)
        {
            DeleteStaleTemporaryFiles();
        }

        var stamp = _time.GetUtcNow().ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture);
        var name = email.EmailName is { Length: > 0 } n ? SafeName(n) + "-" : string.Empty;
        var fileName = $"{stamp}-{name}{Guid.NewGuid():N}.eml";
        var path = Path.Combine(Folder, fileName);

        var envelope = new OutboxEnvelope
        {
            // A message composed without an id still gets one here, so the queue can account for it.
            Id = email.Id ?? StableId.New(),
            From = email.From,
            Destinations = email.Destinations,
            ConfigurationSet = email.ConfigurationSet,
            Tags = email.Tags,
            EmailName = email.EmailName,
        };
        await OutboxFolder.WriteAsync(Folder, fileName, email.Mime, envelope, cancellationToken).ConfigureAwait(false);
        return new SendResult(fileName);
    }

    /// <summary>
    /// Deletes the temporary files of writes that never finished (the process was killed between writing and
    /// renaming), which nothing else would ever remove. Age is judged by the injected clock against the file's last
    /// write time; a file written in the last <see cref="TemporaryFileGracePeriod"/> may be another writer's, in flight.
    /// </summary>
    private void DeleteStaleTemporaryFiles()
    {
        var cutoff = (_time.GetUtcNow() - TemporaryFileGracePeriod).UtcDateTime;
        try
        {
            // One listing of the folder for both kinds of temporary file. Simple matching: the Win32 style would let
            // "*.tmp" match more than it says.
            var simple = new EnumerationOptions { MatchType = MatchType.Simple };
            foreach (var file in new DirectoryInfo(Folder).EnumerateFiles("*" + DurableFile.TemporarySuffix, simple))
            {
                if (IsTemporaryMessageFile(file.Name) && file.LastWriteTimeUtc <= cutoff)
                {
                    TryDelete(file);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Tidying up is best effort: a folder that can be written but not listed must not fail the send.
        }
    }

    /// <summary>A <c>*.eml.tmp</c> or <c>*.envelope.json.tmp</c> file: what <see cref="OutboxFolder.WriteAsync"/> leaves when it is killed.</summary>
    /// <remarks>Names compare as the listing's pattern did (the platform's casing: ignored on Windows and macOS).</remarks>
    private static bool IsTemporaryMessageFile(string name)
    {
        var casing = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return name.EndsWith(OutboxFolder.EmlExtension + DurableFile.TemporarySuffix, casing)
            || name.EndsWith(OutboxFolder.EnvelopeExtension + DurableFile.TemporarySuffix, casing);
    }

    private static void TryDelete(FileInfo file)
    {
        try
        {
            file.Delete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // In use or protected: left for a later transport, rather than failing this send.
        }
    }

    private static string SafeName(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').Take(60).ToArray());
}
