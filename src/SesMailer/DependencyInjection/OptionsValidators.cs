using Microsoft.Extensions.Options;
using SesMailer.Mailing;

namespace SesMailer.DependencyInjection;

/// <summary>Checks <see cref="MailerOptions"/> at start-up with the rules the mailer applies, naming each bad setting.</summary>
internal sealed class MailerOptionsValidator(string section) : IValidateOptions<MailerOptions>
{
    public ValidateOptionsResult Validate(string? name, MailerOptions options)
    {
        try
        {
            MailerDefaults.From(options, section);
            return ValidateOptionsResult.Success;
        }
        catch (MailerConfigurationException e)
        {
            return ValidateOptionsResult.Fail(e.Errors);
        }
    }
}

/// <summary>Checks <see cref="TransportOptions"/> at start-up, naming each bad setting.</summary>
internal sealed class TransportOptionsValidator(string section) : IValidateOptions<TransportOptions>
{
    public ValidateOptionsResult Validate(string? name, TransportOptions options)
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(options.Kind))
        {
            errors.Add($"{section}:Transport: '{options.Kind}' is not a transport; use one of {string.Join(", ", Enum.GetNames<TransportKind>())}.");
        }

        var folder = options.Outbox?.Folder;
        if (string.IsNullOrWhiteSpace(folder) || folder.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            errors.Add($"{section}:Outbox:Folder: '{folder}' is not a usable folder path.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
