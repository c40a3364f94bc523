using Microsoft.Extensions.Options;
using System.Text.RegularExpressions;
using SesMailer.Mailing;
using SesMailer.Ses;
using SesMailer.Ses.Connection;

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
internal sealed partial class TransportOptionsValidator(string section) : IValidateOptions<TransportOptions>
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

        var ses = options.Ses ?? new SesSettings();
        if (!string.IsNullOrWhiteSpace(ses.Region) && !RegionPattern().IsMatch(ses.Region))
        {
            errors.Add($"{section}:Ses:Region: '{ses.Region}' is not an AWS region name (for example eu-west-1).");
        }

        if (!string.IsNullOrWhiteSpace(ses.Endpoint) && !SesEndpoint.TryParse(ses.Endpoint, out _))
        {
            errors.Add($"{section}:Ses:Endpoint: '{ses.Endpoint}' must be an absolute http or https URL.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionPattern();
}

/// <summary>
/// Checks the SES client settings at start-up when SES is the transport: a region must be found (settings, profile
/// or AWS chain), so a missing one fails the start rather than the first send.
/// </summary>
internal sealed class SesClientOptionsValidator(SesMailerSectionName sectionName, IOptions<TransportOptions> transport) : IValidateOptions<SesClientOptions>
{
    private readonly string section = sectionName.Path;

    public ValidateOptionsResult Validate(string? name, SesClientOptions options)
    {
        if (transport.Value.EffectiveKind != TransportKind.Ses)
        {
            return ValidateOptionsResult.Skip;
        }

        try
        {
            var region = SesConnectionResolver.ResolveRegion(options);
            SesConnectionResolver.ResolveEndpoint(options, region);
            options.Retry.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is SesConfigurationException or ArgumentOutOfRangeException)
        {
            return ValidateOptionsResult.Fail($"{section}:Ses: {e.Message}");
        }
    }
}

/// <summary>The path of the configuration section SesMailer was registered from, for naming settings in errors.</summary>
internal sealed record SesMailerSectionName(string Path);

/// <summary>Parses the configured endpoint text.</summary>
internal static class SesEndpoint
{
    public static bool TryParse(string text, out Uri uri) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out uri!) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
