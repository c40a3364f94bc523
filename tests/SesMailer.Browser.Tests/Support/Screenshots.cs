using System.Buffers.Binary;
using System.Text;

namespace SesMailer.Browser.Tests.Support;

/// <summary>Where the screenshots go, and the committed copies of the quick start's that README.md shows.</summary>
internal static class Screenshots
{
    /// <summary>Set to <c>1</c> to copy the quick start's screenshots over samples/QuickStart/screenshots (README.md's pictures).</summary>
    public const string UpdateVariable = "SESMAILER_UPDATE_SCREENSHOTS";

    /// <summary>Every screenshot of a run: bin/&lt;Configuration&gt;/net10.0/screenshots, beside the test assembly.</summary>
    public static string Directory { get; } = System.IO.Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    /// <summary>samples/QuickStart/screenshots in this repository.</summary>
    public static string Committed => Path.Combine(RepositoryRoot(), "samples", "QuickStart", "screenshots");

    public static bool Update => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary><c>PasswordReset</c> becomes <c>password-reset</c>; anything but letters and digits becomes '-'.</summary>
    public static string FileName(string email, string preview, string width)
    {
        var name = new StringBuilder();
        foreach (var c in $"{email}-{preview}-{width}")
        {
            if (char.IsAsciiLetterUpper(c) && name.Length > 0 && char.IsAsciiLetterLower(name[^1]))
            {
                name.Append('-');
            }

            name.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        return string.Join('-', name.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries)) + ".png";
    }

    /// <summary>A PNG's width and height in pixels, from its header (IHDR).</summary>
    public static (int Width, int Height) Size(byte[] png)
    {
        Assert.True(png.Length > 24 && png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "not a PNG");
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SesMailer.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No SesMailer.sln above {AppContext.BaseDirectory}: the test must run from the repository's build output.");
    }
}
