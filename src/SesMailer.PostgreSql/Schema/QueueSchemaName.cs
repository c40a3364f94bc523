using System.Text.RegularExpressions;

namespace SesMailer.PostgreSql.Schema;

/// <summary>
/// The rule for the queue's schema name. It is written into SQL text (identifiers cannot be parameters), so only
/// plain lowercase identifiers are accepted: nothing needs quoting and nothing can be injected.
/// </summary>
internal static partial class QueueSchemaName
{
    public const string Rule = "a lowercase PostgreSQL identifier: a letter or _ then letters, digits or _, at most 63 characters";

    public static bool IsValid(string? schema) => schema is not null && Identifier().IsMatch(schema);

    /// <exception cref="ArgumentException">The name breaks <see cref="Rule"/>.</exception>
    public static void ThrowIfInvalid(string? schema)
    {
        if (!IsValid(schema))
        {
            throw new ArgumentException($"PostgresQueueOptions.Schema must be {Rule}; it is '{schema}'.", nameof(schema));
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
