using MimeKit;

namespace SesMailer;

/// <summary>A mailbox: an address with an optional display name.</summary>
/// <param name="Address">The address itself, for example <c>ann@example.com</c>.</param>
/// <param name="DisplayName">The name shown by mail clients, or <see langword="null"/>.</param>
public sealed record EmailAddress(string Address, string? DisplayName = null)
{
    /// <summary>Wraps a plain address.</summary>
    public static implicit operator EmailAddress(string address) => new(address);

    /// <summary>
    /// Parses <c>ann@example.com</c> or <c>Ann Smith &lt;ann@example.com&gt;</c> (the form used in configuration).
    /// The address itself is checked when a message is composed.
    /// </summary>
    /// <exception cref="FormatException">The text is not a single mailbox.</exception>
    public static EmailAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('<', StringComparison.Ordinal))
        {
            return new EmailAddress(text.Trim());
        }

        if (!MailboxAddress.TryParse(ParserOptions.Default, text, out var mailbox))
        {
            throw new FormatException($"'{text}' is not a mailbox of the form 'Name <address@example.com>'.");
        }

        return new EmailAddress(mailbox.Address, string.IsNullOrEmpty(mailbox.Name) ? null : mailbox.Name);
    }

    /// <inheritdoc />
    public override string ToString() => DisplayName is null ? Address : $"\"{DisplayName}\" <{Address}>";
}
