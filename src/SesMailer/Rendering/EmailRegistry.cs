using System.ComponentModel;

namespace SesMailer.Rendering;

/// <summary>
/// Every email declared in the assemblies loaded so far. Each assembly using the generator registers its emails
/// when it loads (a generated module initializer), so previews and tools can list and render them.
/// </summary>
public static class EmailRegistry
{
    private static readonly object Gate = new();
    private static IReadOnlyList<EmailDescriptor> _all = [];

    /// <summary>The registered emails, ordered by name.</summary>
    public static IReadOnlyList<EmailDescriptor> All => Volatile.Read(ref _all);

    /// <summary>The email named <paramref name="name"/> (<c>Welcome</c>), or <see langword="null"/>.</summary>
    public static EmailDescriptor? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var descriptor in All)
        {
            if (string.Equals(descriptor.Name, name, StringComparison.Ordinal))
            {
                return descriptor;
            }
        }

        return null;
    }

    /// <summary>Adds an assembly's emails (generated code calls this; registering the same descriptors again does nothing).</summary>
    /// <remarks>Infrastructure for generated code, hidden from IntelliSense: not a supported API.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Register(IEnumerable<EmailDescriptor> descriptors)
    {
        ArgumentNullException.ThrowIfNull(descriptors);
        lock (Gate)
        {
            var merged = new List<EmailDescriptor>(_all);
            foreach (var descriptor in descriptors)
            {
                if (!merged.Contains(descriptor))
                {
                    merged.Add(descriptor);
                }
            }

            merged.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            Volatile.Write(ref _all, merged);
        }
    }
}
