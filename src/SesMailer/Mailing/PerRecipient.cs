using SesMailer.Rules;
using SesMailer.Rules.Runtime;
using SesMailer.Ses;

namespace SesMailer.Mailing;

/// <summary>
/// Splits a message sent with <see cref="EmailOptions.OneMessagePerRecipient"/> into one copy per distinct
/// recipient, each addressed to that recipient alone and carrying the message's id followed by <c>-1</c>, <c>-2</c>….
/// </summary>
internal static class PerRecipient
{
    public static IReadOnlyList<EmailMessage> Split(EmailMessage message)
    {
        var options = message.Options;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var recipients = options.To.Concat(options.Cc).Concat(options.Bcc).Where(r => r is not null && seen.Add(r.Address)).ToList();
        var baseId = options.Id ?? StableId.New();
        StableIdRule.Check(baseId).ThrowIfBroken("Id");
        var longest = $"{baseId}-{recipients.Count}";
        if (longest.Length > RuleLimits.StableIdLengthLimit)
        {
            // Refused up front: finding out at the last copy would leave the others sent.
            throw new EmailValidationException("Id", RuleIds.StableId,
                $"Id: with OneMessagePerRecipient each copy's id is the message id followed by '-n', so for {recipients.Count} recipients the id may be at most {RuleLimits.StableIdLengthLimit - (longest.Length - baseId.Length)} characters; it has {baseId.Length}.");
        }

        var copies = new List<EmailMessage>(recipients.Count);
        foreach (var (index, recipient) in recipients.Index())
        {
            var copy = message.With(options.Clone());
            copy.Options.To.Clear();
            copy.Options.Cc.Clear();
            copy.Options.Bcc.Clear();
            copy.Options.To.Add(recipient);
            copy.Options.OneMessagePerRecipient = false;
            copy.Options.Id = $"{baseId}-{index + 1}";
            copies.Add(copy);
        }

        return copies;
    }
}
