using System.Globalization;

namespace SesMailer.Transport;

/// <summary>
/// Writes every message as one <c>.eml</c> file into a folder (by default <c>./outbox</c>), where any mail client
/// opens it. The default transport when no AWS settings exist, so nothing is sent by accident during development.
/// Bcc recipients are in the envelope only, so they do not show in the file.
/// </summary>
public sealed class FileOutboxTransport : IEmailTransport
{
    /// <summary>The folder used when none is configured.</summary>
    public const string DefaultFolder = "outbox";

    private readonly TimeProvider _time;

    /// <summary>Creates a transport writing into <paramref name="folder"/> (created on first send).</summary>
    /// <param name="folder">The folder; relative paths are relative to the current directory. <see langword="null"/> means <c>./outbox</c>.</param>
    /// <param name="timeProvider">Clock for file names; the system clock by default.</param>
    public FileOutboxTransport(string? folder = null, TimeProvider? timeProvider = null)
    {
        Folder = Path.GetFullPath(string.IsNullOrWhiteSpace(folder) ? DefaultFolder : folder);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The absolute path of the outbox folder.</summary>
    public string Folder { get; }

    /// <summary>Writes the message to <c>{Folder}/{yyyyMMdd-HHmmss-fff}-{name}-{id}.eml</c>; the result's message id is the file name.</summary>
    /// <exception cref="IOException">The folder cannot be written.</exception>
    public async Task<SendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        Directory.CreateDirectory(Folder);
        var stamp = _time.GetUtcNow().ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture);
        var name = email.EmailName is { Length: > 0 } n ? SafeName(n) + "-" : string.Empty;
        var fileName = $"{stamp}-{name}{Guid.NewGuid():N}.eml";
        var path = Path.Combine(Folder, fileName);

        // Written under a temporary name and then renamed, so a watcher never opens a half-written file.
        var temporary = path + ".tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, email.Mime.ToArray(), cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        return new SendResult(fileName);
    }

    private static string SafeName(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').Take(60).ToArray());
}
