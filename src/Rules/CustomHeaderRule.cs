using System;
using System.Collections.Generic;

// Part of the rule book (src/Rules/README.md): compiled into the generator, SesMailer and SesMailer.Ses.
namespace SesMailer.Rules;

/// <summary>A header added by the user: a well-formed name that is not reserved, and a one-line value.</summary>
internal static class CustomHeaderRule
{
    /// <summary>Headers SesMailer writes itself; setting them as custom headers would duplicate or contradict them.</summary>
    private static readonly HashSet<string> WrittenBySesMailer = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "To", "Cc", "Bcc", "Reply-To", "Sender", "Subject", "Date", "Message-ID", "MIME-Version",
        "Content-Type", "Content-Transfer-Encoding", "Content-Disposition", "Content-ID", "Content-Description",
        "List-Unsubscribe", "List-Unsubscribe-Post", "X-Priority", "Priority", "Importance",
        "Return-Path", "Received", "DKIM-Signature", "X-SesMailer-Id",
    };

    /// <summary>
    /// Headers SES reads as instructions and strips before delivery (sending authorization, configuration set, tags).
    /// Given both ways, SES lets the request's parameters win, so a header would be ignored or contradict them.
    /// </summary>
    private static readonly HashSet<string> ReadBySes = new(StringComparer.OrdinalIgnoreCase)
    {
        "X-SES-SOURCE-ARN", "X-SES-FROM-ARN", "X-SES-RETURN-PATH-ARN", "X-SES-CONFIGURATION-SET", "X-SES-MESSAGE-TAGS",
    };

    /// <summary>Checks a custom header's <paramref name="name"/> and <paramref name="value"/>.</summary>
    public static RuleResult Check(string? name, string? value)
    {
        if (name is null || name.Length == 0)
        {
            return RuleResult.Broken(RuleIds.CustomHeader, "a custom header has an empty name.");
        }

        foreach (var c in name)
        {
            // RFC 5322 field name: printable ASCII except ':'.
            if (c < 33 || c > 126 || c == ':')
            {
                return RuleResult.Broken(RuleIds.CustomHeader,
                    $"a header name may only contain printable ASCII characters other than ':' (found U+{(int)c:X4}).");
            }
        }

        if (WrittenBySesMailer.Contains(name))
        {
            return RuleResult.Broken(RuleIds.ReservedHeader, $"'{name}' is written by SesMailer itself; set the matching EmailMessage property instead.");
        }

        if (ReadBySes.Contains(name))
        {
            return RuleResult.Broken(RuleIds.ReservedHeader,
                $"'{name}' is an instruction to SES, which removes it before delivery; set the configuration set, tags or " +
                "sending-authorization ARNs on the message or the SES request instead.");
        }

        return value is null
            ? RuleResult.Broken(RuleIds.Required, "the value is null.")
            : HeaderTextRule.Check(value, "header value");
    }
}
