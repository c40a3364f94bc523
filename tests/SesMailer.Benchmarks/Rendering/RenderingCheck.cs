using SesMailer.Rendering;

namespace SesMailer.Benchmarks.Rendering;

/// <summary>
/// Run before measuring: a baseline that renders something else would make every ratio meaningless, so each
/// candidate must produce exactly the baseline's subject, HTML and text.
/// </summary>
public static class RenderingCheck
{
    /// <summary>Throws, naming the part and the first differing position, when <paramref name="actual"/> differs from <paramref name="expected"/>.</summary>
    /// <exception cref="InvalidOperationException">The renders differ.</exception>
    public static void Same(string what, RenderedEmail expected, RenderedEmail actual)
    {
        Compare(what, "subject", expected.Subject, actual.Subject);
        Compare(what, "HTML", expected.Html, actual.Html);
        Compare(what, "text", expected.Text, actual.Text);
    }

    private static void Compare(string what, string part, string? expected, string? actual)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return;
        }

        if (expected is null || actual is null)
        {
            throw new InvalidOperationException($"{what}: the {part} is {(expected is null ? "missing from the baseline" : "missing")}.");
        }

        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
        {
            at++;
        }

        throw new InvalidOperationException(
            $"{what}: the {part} differs from the baseline at character {at}: expected \"{Excerpt(expected, at)}\", got \"{Excerpt(actual, at)}\".");
    }

    private static string Excerpt(string text, int at) =>
        text.Substring(Math.Max(0, at - 20), Math.Min(text.Length, at + 40) - Math.Max(0, at - 20)).ReplaceLineEndings("\\n");
}
