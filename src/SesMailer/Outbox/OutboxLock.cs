namespace SesMailer.Outbox;

/// <summary>
/// Keeps two runs off one outbox folder: the file <c>.lock</c> in it, opened with no sharing. On Unix .NET takes an
/// advisory <c>flock</c> on it, on Windows the open itself is exclusive; either way the kernel releases it when the
/// process dies, so a killed run never leaves the folder locked. The file itself stays (deleting it would let a
/// third process lock a new file while the second still holds the old one).
/// </summary>
internal sealed class OutboxLock : IDisposable
{
    public const string FileName = ".lock";

    private readonly FileStream _stream;

    private OutboxLock(FileStream stream) => _stream = stream;

    /// <exception cref="OutboxLockedException">Another run holds the folder.</exception>
    public static OutboxLock Take(string folder)
    {
        var path = Path.Combine(folder, FileName);
        try
        {
            return new OutboxLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new OutboxLockedException(folder, path, e);
        }
    }

    public void Dispose() => _stream.Dispose();
}
