using System.ComponentModel.DataAnnotations;
using SesMailer.Mime;

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

        try
        {
            AddressRules.ToAscii(EmailAddress.Parse(text), path);
        }
        catch (FormatException e)
        {
            problems.Add($"{path}: {e.Message}");
        }
        catch (EmailValidationException e)
        {
            problems.Add($"{path}: {Why(e)}");
        }
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
        if (string.IsNullOrEmpty(name))
        {
            return;
        }

        try
        {
            MessageValidator.CheckConfigurationSet(name);
        }
        catch (EmailValidationException e)
        {
            problems.Add($"{path}: {Why(e)}");
        }
    }

    public static void Tags(IDictionary<string, string>? tags, string path, List<string> problems)
    {
        foreach (var (name, value) in tags ?? new Dictionary<string, string>())
        {
            try
            {
                MessageValidator.CheckTags([new MessageTag(name, value)]);
            }
            catch (EmailValidationException e)
            {
                problems.Add($"{path}:{name}: {Why(e)}");
            }
        }
    }

    /// <summary>The rule's explanation without the message field it was written for (a setting is named instead).</summary>
    private static string Why(EmailValidationException e)
    {
        // ArgumentException.Message appends " (Parameter 'x')"; the setting path says it better.
        var message = e.ParamName is { } parameter ? e.Message.Replace($" (Parameter '{parameter}')", string.Empty, StringComparison.Ordinal) : e.Message;
        var prefix = e.Field + ": ";
        return message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..] : message;
    }
}
