using System.Diagnostics;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using SesMailer.Rendering;

namespace SesMailer.Cli.Loading;

/// <summary>
/// An application assembly loaded for its emails: in a collectible <see cref="AssemblyLoadContext"/> that resolves the
/// application's own dependencies from its folder, while SesMailer's assemblies are shared with this tool, so the
/// registry the generator emitted registers into this process's <see cref="EmailRegistry"/>. An assembly built against
/// another SesMailer version is refused before it is loaded, with the two versions named.
/// </summary>
internal sealed class EmailAssembly : IDisposable
{
    private readonly AppContext _context;

    private EmailAssembly(AppContext context, Assembly assembly, IReadOnlyList<EmailDescriptor> emails)
    {
        _context = context;
        Assembly = assembly;
        Emails = emails;
    }

    public Assembly Assembly { get; }

    /// <summary>The emails the assembly declares, ordered by name.</summary>
    public IReadOnlyList<EmailDescriptor> Emails { get; }

    /// <summary>Loads <paramref name="path"/> and runs its module initializer (the generated registration).</summary>
    /// <exception cref="CliUsageException">The file is missing, is not a .NET assembly, references no SesMailer or another version of it.</exception>
    public static EmailAssembly Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new CliUsageException($"--assembly: '{path}' does not exist.");
        }

        CheckSesMailerVersion(full);
        var context = new AppContext(full);
        try
        {
            var assembly = context.LoadFromAssemblyPath(full);
            RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
            var emails = EmailRegistry.All.Where(e => e.ModelType.Assembly == assembly).ToList();
            return new EmailAssembly(context, assembly, emails);
        }
        catch
        {
            context.Unload();
            throw;
        }
    }

    /// <summary>Builds <paramref name="project"/> with <c>dotnet build</c> and returns the path of the assembly it produced.</summary>
    /// <exception cref="CliUsageException">The project does not exist or does not build (the build's errors are in the message).</exception>
    public static async Task<string> BuildAsync(string project, string configuration, TextWriter log, CancellationToken cancellationToken)
    {
        if (!File.Exists(project) && !Directory.Exists(project))
        {
            throw new CliUsageException($"--project: '{project}' does not exist.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // -t:Build: with -getProperty alone, dotnet build only evaluates the project.
        foreach (var argument in new[] { "build", project, "-c", configuration, "--nologo", "-t:Build", "-getProperty:TargetPath" })
        {
            start.ArgumentList.Add(argument);
        }

        await log.WriteLineAsync($"Building {project} ({configuration})…").ConfigureAwait(false);
        using var process = Process.Start(start) ?? throw new CliUsageException("--project: could not start 'dotnet build'.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var text = (await output.ConfigureAwait(false)).Trim();
        if (process.ExitCode != 0)
        {
            var errors = text.Split('\n').Concat((await error.ConfigureAwait(false)).Split('\n')).Where(static l => l.Contains(" error ", StringComparison.Ordinal)).Distinct().Take(20);
            throw new CliUsageException($"--project: 'dotnet build' failed (exit {process.ExitCode}):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }

        // -getProperty prints the property's value alone, on the last line.
        var targetPath = text.Split('\n').Last().Trim();
        if (!File.Exists(targetPath))
        {
            throw new CliUsageException($"--project: the build succeeded but its TargetPath '{targetPath}' does not exist.");
        }

        return targetPath;
    }

    public void Dispose() => _context.Unload();

    /// <summary>
    /// Reads the SesMailer version the assembly was compiled against from its metadata, without loading it: types from
    /// another version would fail later with a TypeLoadException or MissingMethodException that says nothing useful.
    /// </summary>
    private static void CheckSesMailerVersion(string path)
    {
        Version? referenced = null;
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new PEReader(stream);
            if (!reader.HasMetadata)
            {
                throw new CliUsageException($"--assembly: '{path}' is not a .NET assembly.");
            }

            var metadata = reader.GetMetadataReader();
            foreach (var handle in metadata.AssemblyReferences)
            {
                var reference = metadata.GetAssemblyReference(handle);
                if (metadata.StringComparer.Equals(reference.Name, "SesMailer"))
                {
                    referenced = reference.Version;
                }
            }
        }
        catch (BadImageFormatException e)
        {
            throw new CliUsageException($"--assembly: '{path}' is not a .NET assembly.", e);
        }

        var own = typeof(EmailRegistry).Assembly.GetName().Version!;
        if (referenced is null)
        {
            throw new CliUsageException($"--assembly: '{Path.GetFileName(path)}' does not reference SesMailer, so it declares no email.");
        }

        if (referenced != own)
        {
            throw new CliUsageException(
                $"--assembly: '{Path.GetFileName(path)}' was built against SesMailer {referenced}, and this sesmailer tool carries SesMailer {own}. " +
                $"Use the tool of the same version (dotnet tool update SesMailer.Cli --version {referenced.ToString(3)}), or rebuild the application against SesMailer {own.ToString(3)}.");
        }
    }

    /// <summary>Resolves the application's own dependencies from its deps.json; SesMailer and the shared framework come from this process.</summary>
    private sealed class AppContext(string path) : AssemblyLoadContext("sesmailer:" + Path.GetFileName(path), isCollectible: true)
    {
        private readonly AssemblyDependencyResolver _resolver = new(path);

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            // Shared with the tool: SesMailer's own assemblies (one EmailRegistry, one EmailDescriptor type) and whatever
            // the tool already loaded (MimeKit, the framework).
            if (assemblyName.Name is { } name && (name == "SesMailer" || name.StartsWith("SesMailer.", StringComparison.Ordinal)))
            {
                return null;
            }

            foreach (var loaded in Default.Assemblies)
            {
                if (AssemblyName.ReferenceMatchesDefinition(assemblyName, loaded.GetName()))
                {
                    return null;
                }
            }

            var file = _resolver.ResolveAssemblyToPath(assemblyName);
            return file is null ? null : LoadFromAssemblyPath(file);
        }

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
        {
            var file = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
            return file is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(file);
        }
    }
}
