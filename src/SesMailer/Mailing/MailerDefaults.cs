using System.Globalization;
using SesMailer.Configuration;

namespace SesMailer.Mailing;

/// <summary>
/// <see cref="MailerOptions"/> parsed once, at start-up, after <see cref="MailerOptionsValidator"/> has checked them
/// (a bad default fails there, naming the setting, rather than on the first send).
/// </summary>
internal sealed class MailerDefaults
{
    private readonly Defaults _global;
    private readonly Dictionary<string, Defaults> _perEmail;

    private MailerDefaults(Defaults global, Dictionary<string, Defaults> perEmail, EmailAddress? redirectTo, CultureInfo? culture)
    {
        Culture = culture;
        _global = global;
        _perEmail = perEmail;
        RedirectTo = redirectTo;
    }

    public EmailAddress? RedirectTo { get; }

    /// <summary>The culture of <c>SesMailer:Culture</c>, or <see langword="null"/>.</summary>
    public CultureInfo? Culture { get; }

    /// <summary>Parses <paramref name="options"/>, which <see cref="MailerOptionsValidator"/> has already checked.</summary>
    public static MailerDefaults From(MailerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var global = Parse(options.From, options.ReplyTo, options.ConfigurationSet, options.Tags);
        var perEmail = new Dictionary<string, Defaults>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, email) in options.Emails)
        {
            perEmail[name] = Parse(email.From, email.ReplyTo, email.ConfigurationSet, email.Tags);
        }

        return new MailerDefaults(global, perEmail, Address(options.RedirectTo), SettingRules.ParseCulture(options.Culture));
    }

    /// <summary>
    /// Fills what <paramref name="options"/> leave open, most specific first: the configuration for this email,
    /// then the email's <paramref name="email"/> declaration (its <c>[Email]</c> attribute), then the global configuration.
    /// Tags merge by name with the same precedence, the send's own winning over all.
    /// </summary>
    public void ApplyTo(EmailOptions options, EmailDeclaration? email)
    {
        var configured = email is not null && _perEmail.TryGetValue(email.Name, out var d) ? d : null;
        options.From ??= configured?.From ?? email?.From ?? _global.From;
        if (options.ReplyTo.Count == 0)
        {
            var replyTo = configured?.ReplyTo is { Count: > 0 } c ? c : email?.ReplyTo is { Count: > 0 } a ? a : _global.ReplyTo;
            foreach (var address in replyTo)
            {
                options.ReplyTo.Add(address);
            }
        }

        options.ConfigurationSet ??= configured?.ConfigurationSet ?? _global.ConfigurationSet;

        var emailTags = email?.Tags ?? [];
        var configuredTags = configured?.Tags ?? [];
        if (options.Tags.Count == 0 && _global.Tags.Count == 0 && emailTags.Count == 0 && configuredTags.Count == 0)
        {
            // Nothing to merge (the usual send): no dictionary per send.
            return;
        }

        // Least specific first, so that a later tag of the same name wins (and keeps the first one's position).
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in new[] { _global.Tags, emailTags, configuredTags, options.Tags.ToArray() })
        {
            foreach (var tag in source)
            {
                tags[tag.Name] = tag.Value;
            }
        }

        options.Tags.Clear();
        foreach (var (name, value) in tags)
        {
            options.Tags.Add(new MessageTag(name, value));
        }
    }

    private static Defaults Parse(string? from, IList<string>? replyTo, string? configurationSet, IDictionary<string, string>? tags) => new(
        Address(from),
        (replyTo ?? []).Select(Address).OfType<EmailAddress>().ToList(),
        string.IsNullOrEmpty(configurationSet) ? null : configurationSet,
        (tags ?? new Dictionary<string, string>()).Select(t => new MessageTag(t.Key, t.Value)).ToList());

    private static EmailAddress? Address(string? text) => string.IsNullOrWhiteSpace(text) ? null : EmailAddress.Parse(text);

    private sealed record Defaults(EmailAddress? From, IReadOnlyList<EmailAddress> ReplyTo, string? ConfigurationSet, IReadOnlyList<MessageTag> Tags);
}
