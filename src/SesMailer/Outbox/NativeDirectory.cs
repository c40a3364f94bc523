using System.Runtime.InteropServices;

namespace SesMailer.Outbox;

/// <summary>
/// Flushes a directory to disk. A rename is only durable once the directory that holds the new name is flushed,
/// and .NET has no call for that: its file APIs refuse to open a directory. So the directory is opened and
/// <c>fsync</c>ed through libc.
/// </summary>
internal static partial class NativeDirectory
{
    // O_RDONLY is 0 everywhere. O_CLOEXEC (so a child process never inherits the descriptor) is 0x80000 on Linux
    // (x64 and arm64 alike) but has another value on macOS, where the descriptor lives too briefly to matter.
    private const int OpenReadOnly = 0;
    private const int OpenCloseOnExecLinux = 0x80000;

    /// <summary>Flushes <paramref name="directory"/>'s entries (names created, renamed or removed) to disk.</summary>
    /// <exception cref="IOException">The directory cannot be opened or flushed (the error number is in the message).</exception>
    public static void Sync(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            // NTFS journals its metadata, and Windows offers no way to flush a directory handle opened this way:
            // MoveFileEx with MOVEFILE_WRITE_THROUGH (which File.Move does not use) is its nearest equivalent.
            return;
        }

        var flags = OperatingSystem.IsLinux() ? OpenReadOnly | OpenCloseOnExecLinux : OpenReadOnly;
        var fd = Open(directory, flags);
        if (fd < 0)
        {
            throw new IOException($"Cannot open the folder {directory} to flush it to disk (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                // EINVAL: the file system cannot flush directories (some network and FUSE mounts); nothing more can be done.
                if (errno != EInval)
                {
                    throw new IOException($"Cannot flush the folder {directory} to disk (errno {errno}).");
                }
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    private const int EInval = 22;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
