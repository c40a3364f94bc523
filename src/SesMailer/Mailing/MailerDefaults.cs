using SesMailer.Mime;
using SesMailer.Ses;

namespace SesMailer.Mailing;

/// <summary>
/// <see cref="MailerOptions"/> checked and parsed once, at start-up: a bad default fails there, naming the
/// setting, rather than on the first send.
/// </summary>
internal sealed class MailerDefaults
{
    private readonly Defaults _global;
    private readonly Dictionary<string, Defaults> _perEmail;

    private MailerDefaults(Defaults global, Dictionary<string, Defaults> perEmail, EmailAddress? redirectTo)
    {
        _global = global;
        _perEmail = perEmail;
        RedirectTo = redirectTo;
    }

    public EmailAddress? RedirectTo { get; }

    /// <summary>Parses and checks <paramref name="options"/>; <paramref name="section"/> prefixes setting names in errors.</summary>
    /// <exception cref="MailerConfigurationException">A setting is invalid; the message names it.</exception>
    public static MailerDefaults From(MailerOptions options, string section = "SesMailer")
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var global = Parse(section, options.From, options.ReplyTo, options.ConfigurationSet, options.Tags, errors);
        var perEmail = new Dictionary<string, Defaults>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, email) in options.Emails)
        {
            perEmail[name] = Parse($"{section}:Emails:{name}", email.From, email.ReplyTo, email.ConfigurationSet, email.Tags, errors);
        }

        var redirect = ParseAddress($"{section}:RedirectTo", options.RedirectTo, errors);
        if (errors.Count > 0)
        {
            throw new MailerConfigurationException(errors);
        }

        return new MailerDefaults(global, perEmail, redirect);
    }

    /// <summary>
    /// Fills what <paramref name="message"/> leaves open, most specific first: the configuration for this email,
    /// then the email's <see cref="EmailMessage.DeclaredDefaults"/> (its <c>[Email]</c> attribute), then the global configuration.
    /// Tags merge by name with the same precedence, the message's own winning over all.
    /// </summary>
    public void ApplyTo(EmailMessage message)
    {
        var email = message.EmailName is not null && _perEmail.TryGetValue(message.EmailName, out var d) ? d : null;
        var declared = message.DeclaredDefaults;
        message.From ??= email?.From ?? declared?.From ?? _global.From;
        if (message.ReplyTo.Count == 0)
        {
            var replyTo = email?.ReplyTo is { Count: > 0 } e ? e : declared?.ReplyTo is { Count: > 0 } a ? a : _global.ReplyTo;
            foreach (var address in replyTo)
            {
                message.ReplyTo.Add(address);
            }
        }

        message.ConfigurationSet ??= email?.ConfigurationSet ?? _global.ConfigurationSet;

        // Least specific first, so that a later tag of the same name wins (and keeps the first one's position).
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in new[] { _global.Tags, declared?.Tags ?? [], email?.Tags ?? [], message.Tags.ToArray() })
        {
            foreach (var tag in source)
            {
                tags[tag.Name] = tag.Value;
            }
        }

        message.Tags.Clear();
        foreach (var (name, value) in tags)
        {
            message.Tags.Add(new MessageTag(name, value));
        }
    }

    private static Defaults Parse(string prefix, string? from, IList<string>? replyTo, string? configurationSet, IDictionary<string, string>? tags, List<string> errors)
    {
        var sender = ParseAddress(prefix + ":From", from, errors);
        var replies = new List<EmailAddress>();
        var i = 0;
        foreach (var text in replyTo ?? [])
        {
            if (ParseAddress($"{prefix}:ReplyTo:{i++}", text, errors) is { } address)
            {
                replies.Add(address);
            }
        }

        var parsedTags = new List<MessageTag>();
        foreach (var (name, value) in tags ?? new Dictionary<string, string>())
        {
            parsedTags.Add(new MessageTag(name, value));
        }

        // The SES rules for tags and configuration sets are the message's; reuse them on a probe message.
        var probe = new EmailMessage { From = "probe@example.com", TextBody = string.Empty, ConfigurationSet = configurationSet };
        probe.To.Add("probe@example.com");
        foreach (var tag in parsedTags)
        {
            probe.Tags.Add(tag);
        }

        try
        {
            MessageValidator.Validate(probe);
        }
        catch (EmailValidationException e)
        {
            errors.Add($"{prefix}:{SettingName(e.Field)}: {e.Message}");
        }

        return new Defaults(sender, replies, string.IsNullOrEmpty(configurationSet) ? null : configurationSet, parsedTags);
    }

    private static string SettingName(string field) => field.StartsWith("Tags", StringComparison.Ordinal) ? "Tags" : field;

    private static EmailAddress? ParseAddress(string setting, string? text, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            var address = EmailAddress.Parse(text);
            Mailboxes.ToAscii(address, setting);
            return address;
        }
        catch (Exception e) when (e is FormatException or EmailValidationException)
        {
            errors.Add($"{setting}: {e.Message}");
            return null;
        }
    }

    private sealed record Defaults(EmailAddress? From, IReadOnlyList<EmailAddress> ReplyTo, string? ConfigurationSet, IReadOnlyList<MessageTag> Tags);
}
