using System.Text.RegularExpressions;

namespace SesMailer.Mime;

/// <summary>
/// Checks a message against the SES rules before any MIME is written or any network call is made, and works
/// out the envelope: every address in its ASCII form (punycode domains) and the destinations (To + Cc + Bcc).
/// </summary>
internal static partial class MessageValidator
{
    private const int MaxUnsubscribeUrlLength = 900;

    /// <summary>Validates <paramref name="message"/> (its defaults already applied) and returns its envelope.</summary>
    /// <exception cref="EmailValidationException">A rule is broken; the exception names the field.</exception>
    public static Envelope Validate(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Options.From is null)
        {
            throw new EmailValidationException("From", EmailRules.Required,
                "From: the message has no sender. Set EmailMessage.From or configure a default sender (SesMailer:From).");
        }

        var from = AddressRules.ToAscii(message.Options.From, "From");
        var to = Addresses(message.Options.To, "To");
        var cc = Addresses(message.Options.Cc, "Cc");
        var bcc = Addresses(message.Options.Bcc, "Bcc");
        var replyTo = Addresses(message.Options.ReplyTo, "ReplyTo");

        // Destinations are distinct: one mailbox listed twice (To and Bcc, say) receives one copy.
        var destinations = to.Concat(cc).Concat(bcc).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (destinations.Count == 0)
        {
            throw new EmailValidationException("To", EmailRules.Required, "To: the message has no recipient (To, Cc and Bcc are all empty).");
        }

        if (destinations.Count > EmailRules.RecipientLimit && !message.Options.OneMessagePerRecipient)
        {
            throw new TooManyRecipientsException(destinations.Count, EmailRules.RecipientLimit);
        }

        HeaderRules.RejectLineBreaks(message.Subject ?? string.Empty, "Subject", "subject");
        if (message.HtmlBody is null && message.TextBody is null)
        {
            throw new EmailValidationException("HtmlBody", EmailRules.Required, "HtmlBody: the message has neither an HTML nor a text body.");
        }

        foreach (var (name, value) in message.Options.Headers)
        {
            HeaderRules.CheckCustomHeader(name, value);
        }

        CheckTags(message.Options.Tags);
        CheckConfigurationSet(message.Options.ConfigurationSet);
        var unsubscribeMailto = CheckListUnsubscribe(message.Options.ListUnsubscribe);
        CheckFiles(message.Options.Attachments, "Attachments", inline: false);
        CheckFiles(message.Options.InlineImages, "InlineImages", inline: true);
        CheckContentIdReferences(message);
        CheckEncodedFileSize(message);

        return new Envelope(from, to, cc, replyTo, destinations, unsubscribeMailto);
    }

    private static List<string> Addresses(IList<EmailAddress> addresses, string field)
    {
        var result = new List<string>(addresses.Count);
        for (var i = 0; i < addresses.Count; i++)
        {
            var address = addresses[i] ?? throw new EmailValidationException($"{field}[{i}]", EmailRules.Required, $"{field}[{i}]: the address is null.");
            result.Add(AddressRules.ToAscii(address, $"{field}[{i}]"));
        }

        return result;
    }

    internal static void CheckTags(IList<MessageTag> tags)
    {
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            CheckTagPart(tag?.Name, $"Tags[{i}].Name");
            CheckTagPart(tag?.Value, $"Tags[{i}].Value");
        }
    }

    private static void CheckTagPart(string? value, string field)
    {
        if (value is null || !TagPattern().IsMatch(value))
        {
            throw new EmailValidationException(field, EmailRules.TagCharset,
                $"{field}: '{value}' is not a valid SES tag; names and values must be 1 to {EmailRules.TagLengthLimit} characters of A-Z, a-z, 0-9, '_' and '-'.");
        }
    }

    internal static void CheckConfigurationSet(string? name)
    {
        if (name is not null && !ConfigurationSetPattern().IsMatch(name))
        {
            throw new EmailValidationException("ConfigurationSet", EmailRules.ConfigurationSetName,
                $"ConfigurationSet: '{name}' is not a valid configuration set name; use 1 to 64 characters of A-Z, a-z, 0-9, '_' and '-'.");
        }
    }

    private static string? CheckListUnsubscribe(ListUnsubscribe? unsubscribe)
    {
        if (unsubscribe is null)
        {
            return null;
        }

        const string field = "ListUnsubscribe";
        if (unsubscribe.Url is null && unsubscribe.Mailto is null)
        {
            throw new EmailValidationException(field, EmailRules.ListUnsubscribe, $"{field}: give a Url, a Mailto address, or both.");
        }

        if (unsubscribe.Url is { } url)
        {
            var https = url.IsAbsoluteUri && url.Scheme == Uri.UriSchemeHttps;
            var http = url.IsAbsoluteUri && url.Scheme == Uri.UriSchemeHttp;
            if (!https && !(http && !unsubscribe.OneClick))
            {
                throw new EmailValidationException(field + ".Url", EmailRules.ListUnsubscribe,
                    $"{field}.Url: '{url}' must be an absolute https URL{(unsubscribe.OneClick ? " for one-click unsubscribe (RFC 8058)" : string.Empty)}.");
            }

            // A URL cannot be folded or encoded inside <…>, so it must fit on one header line.
            if (url.AbsoluteUri.Length > MaxUnsubscribeUrlLength)
            {
                throw new EmailValidationException(field + ".Url", EmailRules.ListUnsubscribe,
                    $"{field}.Url: the URL is {url.AbsoluteUri.Length} characters long; it must fit on one header line (at most {MaxUnsubscribeUrlLength}). Use a shorter token.");
            }
        }
        else if (unsubscribe.OneClick)
        {
            throw new EmailValidationException(field + ".Url", EmailRules.ListUnsubscribe,
                $"{field}.Url: one-click unsubscribe (RFC 8058) needs an https URL; a mailto address alone cannot be one-click.");
        }

        return unsubscribe.Mailto is null ? null : AddressRules.ToAscii(unsubscribe.Mailto, field + ".Mailto");
    }

    private static void CheckFiles(IList<EmailAttachment> files, string field, bool inline)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            var name = $"{field}[{i}]";
            var file = files[i] ?? throw new EmailValidationException(name, EmailRules.Required, $"{name}: the file is null.");
            HeaderRules.RejectLineBreaks(file.FileName, name + ".FileName", "file name");
            if (!inline)
            {
                continue;
            }

            if (file.ContentId is null || !ContentIdPattern().IsMatch(file.ContentId))
            {
                throw new EmailValidationException(name + ".ContentId", EmailRules.CidResolves,
                    $"{name}.ContentId: an inline image needs a Content-ID of printable ASCII without spaces, quotes or angle brackets (found '{file.ContentId}'); the HTML refers to it as cid:<ContentId>.");
            }

            if (!ids.Add(file.ContentId))
            {
                throw new EmailValidationException(name + ".ContentId", EmailRules.UniqueContentId,
                    $"{name}.ContentId: '{file.ContentId}' is already used by another inline image.");
            }
        }
    }

    // Files far over the limit are refused before they are base64-encoded, which would cost 1.37 times their size in memory.
    private static void CheckEncodedFileSize(EmailMessage message)
    {
        long encoded = 0;
        foreach (var file in message.Options.Attachments.Concat(message.Options.InlineImages))
        {
            // Base64 turns 3 bytes into 4 characters, in lines of 76 characters plus CRLF.
            var characters = (file.Content.Length + 2L) / 3 * 4;
            encoded += characters + ((characters + 75) / 76 * 2);
        }

        if (encoded > EmailRules.MessageSizeLimit)
        {
            throw new MessageTooLargeException(encoded, EmailRules.MessageSizeLimit, atLeast: true);
        }
    }

    private static void CheckContentIdReferences(EmailMessage message)
    {
        if (message.HtmlBody is null)
        {
            return;
        }

        var ids = message.Options.InlineImages.Select(f => f.ContentId).ToHashSet(StringComparer.Ordinal);
        foreach (Match match in CidReference().Matches(message.HtmlBody))
        {
            var id = Uri.UnescapeDataString(match.Groups["id"].Value);
            if (!ids.Contains(id))
            {
                throw new EmailValidationException("HtmlBody", EmailRules.CidResolves,
                    $"HtmlBody: the HTML refers to 'cid:{id}' but no inline image has Content-ID '{id}'. Add it to InlineImages (EmailAttachment.AsInline(\"{id}\")).");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex TagPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ConfigurationSetPattern();

    [GeneratedRegex("^[!#-'*-;=?-Z^-~]{1,200}$")]
    private static partial Regex ContentIdPattern();

    // A cid: URL as it appears in src="…", href='…' or url(…): everything up to a quote, space, ')' or '>'.
    [GeneratedRegex("""cid:(?<id>[^"'\s>)]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex CidReference();
}

/// <summary>The checked addresses of a message, in ASCII form.</summary>
internal sealed record Envelope(
    string From,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    IReadOnlyList<string> ReplyTo,
    IReadOnlyList<string> Destinations,
    string? UnsubscribeMailto);
