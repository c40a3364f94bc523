namespace SesMailer.Outbox;

/// <summary>
/// Writes and renames files so that, once a call returns, a power cut cannot undo it: the file's bytes are flushed
/// before it gets its final name, and the directories whose entries changed are flushed after.
/// </summary>
internal static class DurableFile
{
    /// <summary>The suffix of a file being written; never read as a message or an envelope.</summary>
    public const string TemporarySuffix = ".tmp";

    /// <summary>
    /// Writes <paramref name="bytes"/> to <c>path.tmp</c> and flushes them to disk, without renaming: the caller
    /// renames when every part of its unit is written.
    /// </summary>
    public static async Task<string> WriteTemporaryAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var temporary = path + TemporarySuffix;
        try
        {
            var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        return temporary;
    }

    /// <summary>
    /// Renames <paramref name="source"/> to <paramref name="destination"/> in one step (rename(2)) and flushes the
    /// directories involved. The caller guarantees that the destination does not exist (names are unique and the
    /// folder is locked): File.Move without overwrite would link and then unlink on Unix, two steps that a crash
    /// can separate, leaving the message under both names.
    /// </summary>
    public static void Rename(string source, string destination)
    {
        File.Move(source, destination, overwrite: true);
        var to = Path.GetDirectoryName(destination)!;
        var from = Path.GetDirectoryName(source)!;
        NativeDirectory.Sync(to);
        if (!string.Equals(from, to, StringComparison.Ordinal))
        {
            NativeDirectory.Sync(from);
        }
    }

    /// <summary>Deletes <paramref name="path"/> if it exists; a leftover is harmless, so failures are ignored.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An orphan envelope or temporary file is ignored by every reader; it is not worth failing a send over.
        }
    }
}
