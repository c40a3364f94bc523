using System.Text.RegularExpressions;
using SesMailer.TestSupport;

namespace SesMailer.Tests.Repository;

/// <summary>
/// Namespaces follow folders in src/ and generators/, so a reader finds a type from its namespace alone. The one
/// exception is the .NET convention for registration helpers: a DependencyInjection folder declares
/// Microsoft.Extensions.DependencyInjection, so AddSesMailer is found without a using.
/// </summary>
public partial class NamespaceLayoutTests
{
    [Fact]
    public void Every_source_file_declares_the_namespace_of_its_folder()
    {
        var root = RepositoryRoot.Path;
        var mismatches = new List<string>();
        var checkedFiles = 0;
        foreach (var top in new[] { "src", "generators" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, top), "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal))
                {
                    continue;
                }

                var declared = NamespaceDeclaration().Match(File.ReadAllText(file));
                if (!declared.Success)
                {
                    continue; // top-level statements (a Program.cs)
                }

                checkedFiles++;
                var expected = Expected(relative);
                if (declared.Groups["name"].Value != expected)
                {
                    mismatches.Add($"{relative}: declares {declared.Groups["name"].Value}, its folder says {expected}");
                }
            }
        }

        Assert.True(checkedFiles > 100, $"only {checkedFiles} files were read");
        Assert.Empty(mismatches);
    }

    // src/SesMailer.Ses/Model/X.cs -> SesMailer.Ses.Model; the shared-source folders src/Rules and src/Conventions
    // are compiled into several assemblies and are named SesMailer.Rules and SesMailer.Conventions.
    private static string Expected(string relative)
    {
        var folders = relative.Split('/')[1..^1];
        if (folders[^1] == "DependencyInjection")
        {
            return "Microsoft.Extensions.DependencyInjection";
        }

        var project = folders[0].StartsWith("SesMailer", StringComparison.Ordinal) ? folders[0] : "SesMailer." + folders[0];
        return string.Join('.', new[] { project }.Concat(folders[1..]));
    }

    [GeneratedRegex(@"^namespace (?<name>[\w.]+)\s*[;{]", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();
}
