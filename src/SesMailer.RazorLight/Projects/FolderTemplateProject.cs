using global::RazorLight.Razor;
using SesMailer.Conventions;

namespace SesMailer.RazorLight.Projects;

/// <summary>
/// Templates in a folder and its subfolders: the key <c>Emails/Welcome.cshtml</c> is that file under the root.
/// A key that would leave the root (<c>../secret.cshtml</c>, an absolute path) is rejected, never followed.
/// </summary>
public sealed class FolderTemplateProject : RazorLightProject
{
    private readonly string _root;

    /// <summary>Serves the templates under <paramref name="root"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public FolderTemplateProject(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"The template folder '{full}' does not exist.");
        }

        _root = Path.EndsInDirectorySeparator(full) ? full : full + Path.DirectorySeparatorChar;
    }

    /// <summary>The folder, as a full path.</summary>
    public string Root => _root;

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="templateKey"/> leaves the folder.</exception>
    public override Task<RazorLightProjectItem> GetItemAsync(string templateKey)
    {
        ArgumentNullException.ThrowIfNull(templateKey);
        var path = Path.GetFullPath(Path.Combine(_root, TemplatePaths.Normalize(templateKey)));
        if (!path.StartsWith(_root, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The template path '{templateKey}' leaves the template folder '{_root}'.", nameof(templateKey));
        }

        var item = new KeyedProjectItem(templateKey, new FileItem(templateKey, path));
        return Task.FromResult<RazorLightProjectItem>(item);
    }

    /// <inheritdoc />
    public override Task<IEnumerable<RazorLightProjectItem>> GetImportsAsync(string templateKey) =>
        Task.FromResult(Enumerable.Empty<RazorLightProjectItem>());

    /// <inheritdoc />
    public override Task<IEnumerable<string>> GetKnownKeysAsync()
    {
        var keys = Directory
            .EnumerateFiles(_root, "*" + TemplateFileNames.Extension, SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IEnumerable<string>>(keys);
    }

    private sealed class FileItem(string key, string path) : RazorLightProjectItem
    {
        public override string Key => key;

        public override bool Exists => File.Exists(path);

        public override Stream Read() => File.OpenRead(path);
    }
}
