namespace SesMailer.Outbox;

/// <summary>Another process (or another <see cref="OutboxSender"/> run) is already sending from the folder.</summary>
public sealed class OutboxLockedException : IOException
{
    /// <summary>Creates the exception for <paramref name="folder"/>.</summary>
    /// <param name="folder">The outbox folder.</param>
    /// <param name="lockFile">The lock file held by the other run.</param>
    /// <param name="innerException">The error of the attempt to take the lock.</param>
    public OutboxLockedException(string folder, string lockFile, Exception? innerException = null)
        : base($"Another process is already sending from the outbox {folder} (it holds {lockFile}); wait for it to finish, or stop it.", innerException)
    {
        Folder = folder;
    }

    /// <summary>The outbox folder.</summary>
    public string Folder { get; }
}
