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
    /// renames when every part of its unit is written. Completes before it returns (the task is always finished).
    /// </summary>
    /// <remarks>
    /// The write is synchronous on purpose. On Unix an asynchronous <see cref="FileStream"/> write is the same
    /// <c>write(2)</c> run on a thread-pool thread, and the <c>fsync</c> that must follow blocks whichever thread
    /// runs it anyway: the hop only added a thread switch per file, and in a short-lived process (a CLI, a function,
    /// the quick start) it started the thread pool and moved every later step of the send onto it. Measured on the
    /// quick start: three threads fewer (native: 2 instead of 5), and about 110 fewer methods for the JIT (the async
    /// state machines of the send chain are never boxed when nothing waits); tests/SesMailer.Benchmarks/RESULTS.md,
    /// "Cold start and Native AOT".
    /// </remarks>
    public static Task<string> WriteTemporaryAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult(WriteTemporary(path, bytes.Span, cancellationToken));
        }
        catch (OperationCanceledException e) when (e.CancellationToken == cancellationToken && cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<string>(cancellationToken);
        }
        catch (Exception e)
        {
            return Task.FromException<string>(e);
        }
    }

    private static string WriteTemporary(string path, ReadOnlySpan<byte> bytes, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var temporary = path + TemporarySuffix;
        try
        {
            using var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.None);
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
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
