using System.ComponentModel.DataAnnotations;
using System.Globalization;
using SesMailer.Rules;

namespace SesMailer.Configuration;

/// <summary>
/// The message rules (addresses, tags, configuration-set names) applied to settings, so that a default accepted at
/// start-up is never refused at the first send. Problems are returned as <c>path: why</c> lines, where path is the
/// setting's configuration path below the SesMailer section (<c>ReplyTo:0</c>, <c>Emails:Welcome:From</c>).
/// </summary>
internal static class SettingRules
{
    /// <summary>The configuration path of the member being validated (<c>Outbox:Folder</c>), from the validator's display name.</summary>
    public static string PathOf(ValidationContext context)
    {
        var display = context.DisplayName ?? context.MemberName ?? string.Empty;
        var root = nameof(MailerOptions) + ".";
        if (display.StartsWith(root, StringComparison.Ordinal))
        {
            display = display[root.Length..];
        }

        return display.Replace('.', ':');
    }

    /// <summary>Joins problems into one validation result (the section validator splits them again, one failure each).</summary>
    public static ValidationResult? Result(List<string> problems, ValidationContext context) =>
        problems.Count == 0 ? ValidationResult.Success : new ValidationResult(string.Join('\n', problems));

    public static void Mailbox(string? text, string path, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        EmailAddress address;
        try
        {
            address = EmailAddress.Parse(text);
        }
        catch (FormatException e)
        {
            problems.Add($"{path}: {e.Message}");
            return;
        }

        // The same check the composer applies to the message's addresses.
        Add(Mime.Mailboxes.Check(address).Result, path, problems);
    }

    public static void Mailboxes(IEnumerable<string>? texts, string path, List<string> problems)
    {
        var i = 0;
        foreach (var text in texts ?? [])
        {
            Mailbox(text, $"{path}:{i++}", problems);
        }
    }

    public static void ConfigurationSet(string? name, string path, List<string> problems)
    {
        if (!string.IsNullOrEmpty(name))
        {
            Add(ConfigurationSetRule.Check(name), path, problems);
        }
    }

    public static void Tags(IDictionary<string, string>? tags, string path, List<string> problems)
    {
        foreach (var (name, value) in tags ?? new Dictionary<string, string>())
        {
            Add(TagRule.Check(name, "name"), $"{path}:{name}", problems);
            Add(TagRule.Check(value, "value"), $"{path}:{name}", problems);
        }
    }

    /// <summary>
    /// A culture name: one this machine's globalization data defines (so that a typo such as <c>fr-QQ</c> is
    /// caught here rather than formatting as something else), and none but the invariant culture
    /// (<c>""</c> is unset) when <paramref name="invariantMode"/>.
    /// </summary>
    public static void Culture(string? name, string path, bool invariantMode, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return;
        }

        if (invariantMode)
        {
            problems.Add($"{path}: {Globalization.EmailCulture.InvariantModeMessage(name)}");
            return;
        }

        try
        {
            _ = CultureInfo.GetCultureInfo(name, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            problems.Add($"{path}: '{name}' is not a culture this machine knows; use a culture name such as en-US or fr-FR.");
        }
    }

    /// <summary>The culture a checked <c>Culture</c> setting names, or <see langword="null"/> when unset.</summary>
    public static CultureInfo? ParseCulture(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : CultureInfo.GetCultureInfo(name, predefinedOnly: true);

    private static void Add(RuleResult result, string path, List<string> problems)
    {
        if (!result.IsValid)
        {
            problems.Add($"{path}: {result.Message}");
        }
    }
}
