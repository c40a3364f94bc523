namespace SesMailer;

/// <summary>
/// The sender, Reply-To and tags an email declares on its <see cref="EmailAttribute"/> (its <c>Category</c> becomes the
/// tag <c>category</c>). A message carries them apart from its own values so that the mailer can rank them: the send's
/// options, then the configuration for that email (<c>SesMailer:Emails:{Name}</c>), then these, then the global configuration.
/// </summary>
/// <remarks>The generated <c>Send{Name}Async</c> fills this from the attribute checked at build time.</remarks>
public sealed class DeclaredDefaults
{
    /// <summary>The tag name under which <see cref="EmailAttribute.Category"/> is sent.</summary>
    public const string CategoryTagName = "category";

    /// <summary>The declared sender, or <see langword="null"/>.</summary>
    public EmailAddress? From { get; init; }

    /// <summary>The declared Reply-To addresses (empty when none).</summary>
    public IReadOnlyList<EmailAddress> ReplyTo { get; init; } = [];

    /// <summary>The declared SES tags, the category first (empty when none).</summary>
    public IReadOnlyList<MessageTag> Tags { get; init; } = [];

    /// <summary>
    /// Reads the defaults of an <see cref="EmailAttribute"/> at run time (for templates not compiled by the generator),
    /// or returns <see langword="null"/> when it declares none.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="attribute"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An address is malformed, or a tag is not written <c>name=value</c>; the message names the attribute property.</exception>
    public static DeclaredDefaults? FromAttribute(EmailAttribute attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        var from = Address(attribute.From, nameof(EmailAttribute.From));
        var replyTo = Address(attribute.ReplyTo, nameof(EmailAttribute.ReplyTo));
        var tags = new List<MessageTag>();
        if (!string.IsNullOrEmpty(attribute.Category))
        {
            tags.Add(new MessageTag(CategoryTagName, attribute.Category));
        }

        foreach (var entry in attribute.Tags ?? [])
        {
            var equals = entry?.IndexOf('=', StringComparison.Ordinal) ?? -1;
            if (equals <= 0)
            {
                throw new ArgumentException($"[Email] Tags: '{entry}' is not a tag; write it as 'name=value'.", nameof(attribute));
            }

            tags.Add(new MessageTag(entry![..equals], entry[(equals + 1)..]));
        }

        if (from is null && replyTo is null && tags.Count == 0)
        {
            return null;
        }

        return new DeclaredDefaults { From = from, ReplyTo = replyTo is null ? [] : [replyTo], Tags = tags };
    }

    private static EmailAddress? Address(string? text, string property)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return EmailAddress.Parse(text);
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"[Email] {property}: {e.Message}", e);
        }
    }
}
