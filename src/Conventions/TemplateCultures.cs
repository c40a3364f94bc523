using System;
using System.Collections.Generic;

// Compiled into the generator (netstandard2.0) and SesMailer.RazorLight, like TemplateFileNames, so that both pick
// the same file for the same culture.
namespace SesMailer.Conventions;

/// <summary>
/// Localized templates: <c>WelcomeEmail.fr.cshtml</c>, <c>WelcomeEmail.fr-CA.text.cshtml</c>. The culture segment
/// is recognised by its BCP-47 shape (a 2-3 letter language, an optional 4-letter script, an optional 2-letter or
/// 3-digit region), never by asking the machine's globalization data, so a build gives the same answer everywhere.
/// A send in fr-CA uses the fr-CA template, else fr, else the neutral one.
/// </summary>
internal static class TemplateCultures
{
    /// <summary>
    /// Splits a template stem (<c>WelcomeEmail.fr-CA</c>) into its name and canonical culture (<c>fr-CA</c>), or
    /// returns <see langword="false"/> when the last dot-segment is not shaped like a culture name.
    /// </summary>
    public static bool TrySplit(string stem, out string name, out string culture)
    {
        name = stem;
        culture = string.Empty;
        var dot = stem.LastIndexOf('.');
        if (dot <= 0 || !TryCanonical(stem.Substring(dot + 1), out var canonical))
        {
            return false;
        }

        name = stem.Substring(0, dot);
        culture = canonical;
        return true;
    }

    /// <summary>
    /// Whether <paramref name="segment"/> is shaped like a culture name; if so, its canonical casing (<c>fr-ca</c>
    /// gives <c>fr-CA</c>, <c>zh-hant-tw</c> gives <c>zh-Hant-TW</c>), which is how .NET names cultures.
    /// </summary>
    public static bool TryCanonical(string segment, out string canonical)
    {
        canonical = string.Empty;
        var parts = segment.Split('-');
        if (parts.Length > 3 || !IsLetters(parts[0], 2, 3))
        {
            return false;
        }

        var result = new List<string> { parts[0].ToLowerInvariant() };
        var next = 1;
        if (next < parts.Length && IsLetters(parts[next], 4, 4))
        {
            result.Add(char.ToUpperInvariant(parts[next][0]) + parts[next].Substring(1).ToLowerInvariant());
            next++;
        }

        if (next < parts.Length && (IsLetters(parts[next], 2, 2) || IsDigits(parts[next], 3)))
        {
            result.Add(parts[next].ToUpperInvariant());
            next++;
        }

        if (next != parts.Length)
        {
            return false;
        }

        canonical = string.Join("-", result);
        return true;
    }

    /// <summary>The stem of the localized template of <paramref name="stem"/> for <paramref name="cultureName"/>: <c>Welcome.fr-CA</c>.</summary>
    public static string LocalizedStem(string stem, string cultureName) => stem + "." + cultureName;

    private static bool IsLetters(string text, int min, int max)
    {
        if (text.Length < min || text.Length > max)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigits(string text, int length)
    {
        if (text.Length != length)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return true;
    }
}
