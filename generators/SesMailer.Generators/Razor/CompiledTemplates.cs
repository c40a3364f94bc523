using System.Collections.Concurrent;
using System.Threading;
using SesMailer.Generators.Model;

namespace SesMailer.Generators.Razor;

/// <summary>
/// Templates compiled by earlier runs of the generator in this process, by everything their compilation depends on.
/// The compiler server keeps the generator loaded across builds but starts every build with a new generator driver,
/// whose incremental cache is empty: without this, every build of a project compiled every template with Razor again,
/// even when only a C# file had changed (the common edit). A template whose text, imports, model binding, class name
/// or namespace changed is a different key and is compiled.
/// </summary>
/// <remarks>
/// <see cref="RazorTemplateCompiler.Compile"/> is a pure function of its <see cref="TemplateInput"/> (no file IO, no
/// symbols, nothing else read), and a <see cref="CompiledTemplate"/> is an immutable value, so a stored result is the
/// result a new compilation would give: the generated files are the same either way (the generator tests run with it).
/// The store is bounded by the characters it holds (a few megabytes); when full it starts over, so a long-lived
/// compiler server that builds many projects keeps the templates of the latest builds.
/// </remarks>
internal static class CompiledTemplates
{
    // About 16 MB of UTF-16 at most: a 100-email project (208 templates) holds about 1.2 million characters.
    private const long MaxCharacters = 8L * 1024 * 1024;

    private static readonly ConcurrentDictionary<TemplateInput, CompiledTemplate> Store = new();
    private static long _characters;

    /// <summary>The compiled template for <paramref name="input"/>: stored by an earlier run, or compiled now.</summary>
    public static CompiledTemplate Get(TemplateInput input)
    {
        if (Store.TryGetValue(input, out var stored))
        {
            return stored;
        }

        var compiled = RazorTemplateCompiler.Compile(input);
        var size = Size(input, compiled);
        if (Interlocked.Add(ref _characters, size) > MaxCharacters)
        {
            Store.Clear();
            Interlocked.Exchange(ref _characters, size);
        }

        // Another thread may have compiled the same input meanwhile: either result is the same value.
        return Store.GetOrAdd(input, compiled);
    }

    private static long Size(TemplateInput input, CompiledTemplate compiled)
    {
        long size = input.File.Text.Length + compiled.GeneratedCode.Length;
        foreach (var import in input.Imports)
        {
            size += import.Text.Length;
        }

        return size;
    }
}
