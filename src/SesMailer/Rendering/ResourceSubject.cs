using System.Collections.Concurrent;
using System.ComponentModel;
using System.Globalization;
using System.Resources;
using System.Text;
using SesMailer.Conventions;

namespace SesMailer.Rendering;

/// <summary>
/// A subject kept in a <c>.resx</c> (<c>[Email(SubjectResource = typeof(EmailStrings), Subject = "WelcomeSubject")]</c>):
/// looked up in the send's culture and filled from the model. A translation may put the placeholders in another order
/// (and give them other formats), so they are filled by name at run time; the generated code hands over a method that
/// maps each placeholder name the build found in the neutral string to its model value, with no reflection.
/// </summary>
/// <remarks>Infrastructure for generated code, hidden from IntelliSense: not a supported API, it may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResourceSubject
{
    // Parsed subjects by their text: a handful per email and culture, parsed once each.
    private static readonly ConcurrentDictionary<string, List<SubjectToken>> Parsed = new(StringComparer.Ordinal);

    /// <summary>
    /// The subject under <paramref name="key"/> in <paramref name="resources"/> for <paramref name="culture"/> (its own
    /// string, else its parent cultures', else the neutral one), with each <c>{Placeholder:format}</c> replaced by what
    /// <paramref name="fill"/> gives for its path and format.
    /// </summary>
    /// <param name="email">The model.</param>
    /// <param name="resources">The resource class's <c>ResourceManager</c>.</param>
    /// <param name="key">The subject's key.</param>
    /// <param name="culture">The send's culture: the string's language and the values' formatting.</param>
    /// <param name="fill">The value of a placeholder path (<c>Order.Id</c>) formatted with a format (or <see langword="null"/>) in a culture; <see langword="null"/> for a path the model does not have.</param>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="email"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The key has no string for the culture nor a neutral one, or the string has a placeholder the model does not have or an unbalanced brace.</exception>
    public static string Format<TModel>(TModel email, ResourceManager resources, string key, CultureInfo culture, Func<TModel, string, string?, CultureInfo, string?> fill)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(fill);

        var template = resources.GetString(key, culture)
            ?? throw new InvalidOperationException($"Subject resource '{key}' of '{resources.BaseName}' has no string for culture '{culture.Name}' nor a neutral one; is the .resx embedded?");
        var tokens = Parsed.GetOrAdd(template, static text =>
        {
            var tokens = SubjectSyntax.Tokenize(text, out var error);
            return error is null ? tokens : throw new InvalidOperationException($"Subject resource '{text}' is not valid: {error.Value.Message}.");
        });

        var builder = new StringBuilder(template.Length + 32);
        foreach (var token in tokens)
        {
            if (token.Literal is not null)
            {
                builder.Append(token.Literal);
                continue;
            }

            builder.Append(fill(email, token.Path, token.Format, culture)
                ?? throw new InvalidOperationException($"Subject resource '{key}' of '{resources.BaseName}' in culture '{culture.Name}' has placeholder '{{{token.Body}}}', which names no member of {typeof(TModel)}; the build checked the neutral string, so this translation differs from it."));
        }

        return builder.ToString();
    }

    /// <summary>
    /// <paramref name="value"/> formatted as an interpolation hole <c>{value:format}</c> in <paramref name="culture"/>
    /// formats it (<see langword="null"/> gives empty text).
    /// </summary>
    /// <param name="value">The model value.</param>
    /// <param name="format">The placeholder's format, or <see langword="null"/>.</param>
    /// <param name="culture">The send's culture.</param>
    public static string Value<T>(T value, string? format, CultureInfo culture) => value switch
    {
        null => string.Empty,
        IFormattable formattable => formattable.ToString(format, culture),
        _ => value.ToString() ?? string.Empty,
    };
}
