using System.ComponentModel.DataAnnotations;

namespace SesMailer.Configuration;

// Data annotations run by the options validation source generator (MailerOptionsValidator), each applying the rule
// a message would meet at send time to a setting.

/// <summary>A mailbox setting (<c>ann@example.com</c> or <c>Ann &lt;ann@example.com&gt;</c>), or a list of them.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class MailboxAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var problems = new List<string>();
        var path = SettingRules.PathOf(validationContext);
        if (value is string text)
        {
            SettingRules.Mailbox(text, path, problems);
        }
        else if (value is IEnumerable<string> texts)
        {
            SettingRules.Mailboxes(texts, path, problems);
        }

        return SettingRules.Result(problems, validationContext);
    }
}

/// <summary>An SES configuration set name.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class ConfigurationSetNameAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var problems = new List<string>();
        SettingRules.ConfigurationSet(value as string, SettingRules.PathOf(validationContext), problems);
        return SettingRules.Result(problems, validationContext);
    }
}

/// <summary>SES tags written as a map of name to value.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SesTagsAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var problems = new List<string>();
        SettingRules.Tags(value as IDictionary<string, string>, SettingRules.PathOf(validationContext), problems);
        return SettingRules.Result(problems, validationContext);
    }
}

/// <summary>The per-email defaults (<c>Emails:{Name}:…</c>), each checked like its global counterpart.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class EmailDefaultsMapAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var problems = new List<string>();
        var path = SettingRules.PathOf(validationContext);
        foreach (var (name, email) in value as IDictionary<string, EmailDefaults> ?? new Dictionary<string, EmailDefaults>())
        {
            var prefix = $"{path}:{name}";
            SettingRules.Mailbox(email.From, prefix + ":From", problems);
            SettingRules.Mailboxes(email.ReplyTo, prefix + ":ReplyTo", problems);
            SettingRules.ConfigurationSet(email.ConfigurationSet, prefix + ":ConfigurationSet", problems);
            SettingRules.Tags(email.Tags, prefix + ":Tags", problems);
        }

        return SettingRules.Result(problems, validationContext);
    }
}

/// <summary>A transport that exists (a number cast to <see cref="TransportKind"/> in code would not).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class DefinedTransportAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is TransportKind kind && !Enum.IsDefined(kind)
            ? new ValidationResult(
                $"{SettingRules.PathOf(validationContext)}: '{kind}' is not a transport; use one of {string.Join(", ", Enum.GetNames<TransportKind>())}.")
            : ValidationResult.Success;
}

/// <summary>A folder path this machine can use.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class FolderPathAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not string folder || string.IsNullOrWhiteSpace(folder) || folder.IndexOfAny(Path.GetInvalidPathChars()) >= 0
            ? new ValidationResult($"{SettingRules.PathOf(validationContext)}: '{value}' is not a usable folder path.")
            : ValidationResult.Success;
}

/// <summary>A culture name this process can format in (<c>fr-FR</c>), which rules out every culture but the invariant one under invariant globalization.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class CultureNameAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var problems = new List<string>();
        SettingRules.Culture(value as string, SettingRules.PathOf(validationContext), Globalization.EmailCulture.InvariantGlobalization, problems);
        return SettingRules.Result(problems, validationContext);
    }
}
