namespace SesMailer.TestSupport;

/// <summary>Finds the repository root by walking up from the test assembly to the folder holding <c>SesMailer.sln</c>.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The absolute path of the repository root.</summary>
    public static string Path => Root.Value;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SesMailer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"SesMailer.sln was not found in any parent of {AppContext.BaseDirectory}.");
    }
}
