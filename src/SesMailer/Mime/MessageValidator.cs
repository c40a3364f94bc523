using System.Text.RegularExpressions;
using SesMailer.Rules;
using SesMailer.Rules.Runtime;
using SesMailer.Ses;

namespace SesMailer.Mime;

/// <summary>
/// Checks a message against the SES rules (the rule book in src/Rules, shared with the SES client and the generator)
/// before any MIME is written or any network call is made, and works out the envelope: every address in its ASCII
/// form (punycode domains) and the destinations (To + Cc + Bcc).
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
            throw new EmailValidationException("From", RuleIds.Required,
                "From: the message has no sender. Set EmailMessage.From or configure a default sender (SesMailer:From).");
        }

        var from = Mailboxes.ToAscii(message.Options.From, "From");
        var to = Addresses(message.Options.To, "To");
        var cc = Addresses(message.Options.Cc, "Cc");
        var bcc = Addresses(message.Options.Bcc, "Bcc");
        var replyTo = Addresses(message.Options.ReplyTo, "ReplyTo");

        // Destinations are distinct: one mailbox listed twice (To and Bcc, say) receives one copy.
        var destinations = RecipientRule.Distinct(to.Concat(cc).Concat(bcc));
        if (destinations.Count == 0)
        {
            throw new EmailValidationException("To", RuleIds.Required, "To: the message has no recipient (To, Cc and Bcc are all empty).");
        }

        if (!message.Options.OneMessagePerRecipient)
        {
            RecipientRule.Check(destinations.Count).ThrowIfBroken("Recipients");
        }

        HeaderTextRule.Check(message.Subject ?? string.Empty, "subject").ThrowIfBroken("Subject");
        if (message.HtmlBody is null && message.TextBody is null)
        {
            throw new EmailValidationException("HtmlBody", RuleIds.Required, "HtmlBody: the message has neither an HTML nor a text body.");
        }

        foreach (var (name, value) in message.Options.Headers)
        {
            CustomHeaderRule.Check(name, value).ThrowIfBroken(string.IsNullOrEmpty(name) ? "Headers" : $"Headers[{name}]");
        }

        CheckTags(message.Options.Tags);
        if (message.Options.Id is { } id)
        {
            StableIdRule.Check(id).ThrowIfBroken("Id");
        }

        ConfigurationSetRule.Check(message.Options.ConfigurationSet).ThrowIfBroken("ConfigurationSet");
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
            var address = addresses[i] ?? throw new EmailValidationException($"{field}[{i}]", RuleIds.Required, $"{field}[{i}]: the address is null.");
            result.Add(Mailboxes.ToAscii(address, $"{field}[{i}]"));
        }

        return result;
    }

    private static void CheckTags(IList<MessageTag> tags)
    {
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            TagRule.Check(tag?.Name, "name").ThrowIfBroken($"Tags[{i}].Name");
            TagRule.Check(tag?.Value, "value").ThrowIfBroken($"Tags[{i}].Value");
            if (string.Equals(tag!.Name, StableId.TagName, StringComparison.OrdinalIgnoreCase))
            {
                throw new EmailValidationException($"Tags[{i}].Name", RuleIds.ReservedTag,
                    $"Tags[{i}].Name: '{tag.Name}' carries the message's stable id and is set by SesMailer; set EmailOptions.Id instead.");
            }
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
            throw new EmailValidationException(field, RuleIds.ListUnsubscribe, $"{field}: give a Url, a Mailto address, or both.");
        }

        if (unsubscribe.Url is { } url)
        {
            var https = url.IsAbsoluteUri && url.Scheme == Uri.UriSchemeHttps;
            var http = url.IsAbsoluteUri && url.Scheme == Uri.UriSchemeHttp;
            if (!https && !(http && !unsubscribe.OneClick))
            {
                throw new EmailValidationException(field + ".Url", RuleIds.ListUnsubscribe,
                    $"{field}.Url: '{url}' must be an absolute https URL{(unsubscribe.OneClick ? " for one-click unsubscribe (RFC 8058)" : string.Empty)}.");
            }

            // A URL cannot be folded or encoded inside <…>, so it must fit on one header line.
            if (url.AbsoluteUri.Length > MaxUnsubscribeUrlLength)
            {
                throw new EmailValidationException(field + ".Url", RuleIds.ListUnsubscribe,
                    $"{field}.Url: the URL is {url.AbsoluteUri.Length} characters long; it must fit on one header line (at most {MaxUnsubscribeUrlLength}). Use a shorter token.");
            }
        }
        else if (unsubscribe.OneClick)
        {
            throw new EmailValidationException(field + ".Url", RuleIds.ListUnsubscribe,
                $"{field}.Url: one-click unsubscribe (RFC 8058) needs an https URL; a mailto address alone cannot be one-click.");
        }

        return unsubscribe.Mailto is null ? null : Mailboxes.ToAscii(unsubscribe.Mailto, field + ".Mailto");
    }

    private static void CheckFiles(IList<EmailAttachment> files, string field, bool inline)
    {
        if (files.Count == 0)
        {
            return;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            var name = $"{field}[{i}]";
            var file = files[i] ?? throw new EmailValidationException(name, RuleIds.Required, $"{name}: the file is null.");
            HeaderTextRule.Check(file.FileName, "file name").ThrowIfBroken(name + ".FileName");
            if (!inline)
            {
                continue;
            }

            ContentIdRule.Check(file.ContentId).ThrowIfBroken(name + ".ContentId");
            if (!ids.Add(file.ContentId!))
            {
                throw new EmailValidationException(name + ".ContentId", RuleIds.UniqueContentId,
                    $"{name}.ContentId: '{file.ContentId}' is already used by another inline image.");
            }
        }
    }

    // Files far over the limit are refused before they are base64-encoded, which would cost 1.37 times their size in memory.
    private static void CheckEncodedFileSize(EmailMessage message)
    {
        MessageSizeRule.CheckFiles(Base64Size(message.Options.Attachments) + Base64Size(message.Options.InlineImages)).ThrowIfBroken("Message");
    }

    private static long Base64Size(IList<EmailAttachment> files)
    {
        long encoded = 0;
        for (var i = 0; i < files.Count; i++)
        {
            // Base64 turns 3 bytes into 4 characters, in lines of 76 characters plus CRLF.
            var characters = (files[i].Content.Length + 2L) / 3 * 4;
            encoded += characters + ((characters + 75) / 76 * 2);
        }

        return encoded;
    }

    private static void CheckContentIdReferences(EmailMessage message)
    {
        // No "cid:" anywhere (one vectorised search): nothing to resolve, and no regex run over the whole HTML.
        if (message.HtmlBody is null || !message.HtmlBody.Contains("cid:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var ids = message.Options.InlineImages.Select(f => f.ContentId).ToHashSet(StringComparer.Ordinal);
        foreach (Match match in CidReference().Matches(message.HtmlBody))
        {
            var id = Uri.UnescapeDataString(match.Groups["id"].Value);
            if (!ids.Contains(id))
            {
                throw new EmailValidationException("HtmlBody", RuleIds.CidResolves,
                    $"HtmlBody: the HTML refers to 'cid:{id}' but no inline image has Content-ID '{id}'. Add it to InlineImages (EmailAttachment.AsInline(\"{id}\")).");
            }
        }
    }

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
