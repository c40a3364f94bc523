using System;
using System.Collections.Generic;
using System.Globalization;

// Part of the rule book (src/Rules/README.md): compiled into the generator, SesMailer and SesMailer.Ses.
namespace SesMailer.Rules;

/// <summary>The recipients of one SES message: To + Cc + Bcc, each mailbox counted once, at most <see cref="RuleLimits.RecipientLimit"/>.</summary>
internal static class RecipientRule
{
    /// <summary>
    /// The distinct recipients, in order of first appearance: a mailbox listed twice (in To and Bcc, say, or in two
    /// cases) receives one copy and counts once.
    /// </summary>
    public static List<string> Distinct(IEnumerable<string> recipients)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var recipient in recipients)
        {
            if (seen.Add(recipient))
            {
                result.Add(recipient);
            }
        }

        return result;
    }

    /// <summary>Checks the number of distinct recipients (<see cref="Distinct"/>).</summary>
    public static RuleResult Check(int distinctCount) =>
        distinctCount <= RuleLimits.RecipientLimit
            ? RuleResult.Valid()
            : RuleResult.Broken(RuleIds.MaxRecipients, TooMany(distinctCount, RuleLimits.RecipientLimit), distinctCount);

    /// <summary>The message for <paramref name="count"/> recipients over <paramref name="limit"/>.</summary>
    public static string TooMany(int count, int limit) =>
        string.Format(CultureInfo.InvariantCulture,
            "the message has {0} recipients (To + Cc + Bcc, each counted once) but SES accepts at most {1} per message. " +
            "Split the list, or with SesMailer's mailer set OneMessagePerRecipient to send each recipient a message of their own.",
            count, limit);
}
