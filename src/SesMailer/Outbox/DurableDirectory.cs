namespace SesMailer.Outbox;

/// <summary>
/// Creates a folder so that a power cut cannot undo it. A new folder is an entry in its parent, and that entry is
/// only on disk once the parent is flushed: without it, every message durably written inside a folder that a send
/// has just created could vanish with the folder itself (POSIX promises nothing more; ext4 happens to, not every
/// file system does).
/// </summary>
internal static class DurableDirectory
{
    /// <summary>
    /// Creates <paramref name="path"/> and any missing parent, and flushes the parent of each folder it created.
    /// Costs one <c>stat</c> when the folder exists (the common case: every send asks).
    /// </summary>
    /// <returns>The folders this call created, outermost first (empty when <paramref name="path"/> existed).</returns>
    public static IReadOnlyList<string> Create(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return [];
        }

        var missing = new List<string>();
        for (var level = full; level is not null && !Directory.Exists(level); level = Path.GetDirectoryName(level))
        {
            missing.Insert(0, level);
        }

        Directory.CreateDirectory(full);
        // Another process may have created some of these meanwhile; flushing its parent again is harmless.
        foreach (var created in missing)
        {
            NativeDirectory.Sync(Path.GetDirectoryName(created)!);
        }

        return missing;
    }
}
