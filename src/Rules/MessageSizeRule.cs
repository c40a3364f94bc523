using System.Globalization;

// Part of the rule book (src/Rules/README.md): compiled into the generator, SesMailer and SesMailer.Ses.
namespace SesMailer.Rules;

/// <summary>The size of a message: at most <see cref="RuleLimits.MessageSizeLimit"/> bytes of MIME, as SES counts it.</summary>
internal static class MessageSizeRule
{
    /// <summary>Checks the MIME message as sent (its attachments already base64), <paramref name="mimeBytes"/> long.</summary>
    public static RuleResult Check(long mimeBytes) =>
        mimeBytes <= RuleLimits.MessageSizeLimit
            ? RuleResult.Valid()
            : RuleResult.Broken(RuleIds.MaxMessageSize, TooLarge(mimeBytes, RuleLimits.MessageSizeLimit, atLeast: false), mimeBytes);

    /// <summary>
    /// Checks what the files of a message alone take once base64-encoded (<paramref name="encodedFileBytes"/>): a lower
    /// bound of the message, so files far over the limit are refused before they are encoded.
    /// </summary>
    public static RuleResult CheckFiles(long encodedFileBytes) =>
        encodedFileBytes <= RuleLimits.MessageSizeLimit
            ? RuleResult.Valid()
            : RuleResult.Broken(RuleIds.MaxMessageSize, TooLarge(encodedFileBytes, RuleLimits.MessageSizeLimit, atLeast: true), encodedFileBytes);

    /// <summary>The message for a message of <paramref name="size"/> bytes (or at least that many) over <paramref name="limit"/>.</summary>
    public static string TooLarge(long size, long limit, bool atLeast) =>
        string.Format(CultureInfo.InvariantCulture,
            "the message is {0}{1:N0} bytes as MIME{2} but SES accepts at most {3:N0} bytes (10 MB, counted on the MIME message " +
            "with its attachments, which base64 encoding grows by about 37%). Send large files as links instead.",
            atLeast ? "at least " : string.Empty, size, atLeast ? " (its files alone, once base64-encoded)" : string.Empty, limit);
}
