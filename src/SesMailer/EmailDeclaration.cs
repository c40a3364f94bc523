namespace SesMailer;

/// <summary>
/// Which declared email a message was rendered from, and the sender, Reply-To and tags its <see cref="EmailAttribute"/>
/// declares (its <c>Category</c> becomes the tag <c>category</c>). The mailer ranks these below the send's options and
/// the configuration for this email (<c>SesMailer:Emails:{Name}</c>), and above the global configuration.
/// </summary>
/// <remarks>
/// The generated <c>Send{Name}Async</c> passes one built from the attribute checked at build time; SesMailer.RazorLight
/// reads the attribute at run time with <see cref="FromAttribute"/>.
/// </remarks>
public sealed class EmailDeclaration
{
    /// <summary>The tag name under which <see cref="EmailAttribute.Category"/> is sent.</summary>
    public const string CategoryTagName = "category";

    /// <summary>Creates the declaration of the email named <paramref name="name"/> (for example <c>Welcome</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty.</exception>
    public EmailDeclaration(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>The email's name: its type name without the <c>Email</c> suffix (<c>Welcome</c>), or a run-time template's name.</summary>
    public string Name { get; }

    /// <summary>The declared sender, or <see langword="null"/>.</summary>
    public EmailAddress? From { get; init; }

    /// <summary>The declared Reply-To addresses (empty when none).</summary>
    public IReadOnlyList<EmailAddress> ReplyTo { get; init; } = [];

    /// <summary>The declared SES tags, the category first (empty when none).</summary>
    public IReadOnlyList<MessageTag> Tags { get; init; } = [];

    /// <summary>
    /// Reads an <see cref="EmailAttribute"/> at run time (for templates the generator did not compile); with no
    /// attribute the declaration carries only the name.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, an address is malformed, or a tag is not written <c>name=value</c>; the message names the attribute property.</exception>
    public static EmailDeclaration FromAttribute(string name, EmailAttribute? attribute)
    {
        if (attribute is null)
        {
            return new EmailDeclaration(name);
        }

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

        return new EmailDeclaration(name) { From = from, ReplyTo = replyTo is null ? [] : [replyTo], Tags = tags };
    }

    /// <inheritdoc />
    public override string ToString() => Name;

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
