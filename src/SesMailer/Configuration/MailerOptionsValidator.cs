using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SesMailer.Ses;
using SesMailer.Ses.Connection;

namespace SesMailer.Configuration;

/// <summary>The data annotations of <see cref="MailerOptions"/>, validated by generated code (no reflection, Native AOT safe).</summary>
[OptionsValidator]
internal sealed partial class MailerOptionsAnnotations : IValidateOptions<MailerOptions>;

/// <summary>
/// Checks <see cref="MailerOptions"/> at start-up, naming each bad setting by its configuration path
/// (<c>SesMailer:ReplyTo:0: …</c>): the data annotations, then what only the whole tree can tell (SES is chosen,
/// so a region must be found and the endpoint must be usable). <see cref="Mailing.Mailer.Create"/> and the
/// <see cref="Mailing.Mailer"/> constructor apply the same checks.
/// </summary>
/// <param name="section">The configuration path the settings came from, for the messages.</param>
/// <param name="environmentName">The host's environment (Development, Staging, Production…), or <see langword="null"/> when there is no host.</param>
internal sealed partial class MailerOptionsValidator(string section, string? environmentName = null) : IValidateOptions<MailerOptions>
{
    public ValidateOptionsResult Validate(string? name, MailerOptions options)
    {
        var problems = Problems(options, section, environmentName);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Throws when <paramref name="options"/> has a bad setting.</summary>
    /// <exception cref="MailerConfigurationException">A setting is invalid; the message names each one.</exception>
    public static void ThrowIfInvalid(MailerOptions options, string section = "SesMailer")
    {
        var problems = Problems(options, section);
        if (problems.Count > 0)
        {
            throw new MailerConfigurationException(problems);
        }
    }

    /// <summary>Every problem, one line each, prefixed with <paramref name="section"/>.</summary>
    public static List<string> Problems(MailerOptions options, string section, string? environmentName = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var annotations = new MailerOptionsAnnotations().Validate(null, options);
        if (annotations.Failed)
        {
            // The annotations join several problems of one setting with line breaks; each becomes a failure of its own.
            foreach (var failure in annotations.Failures ?? [])
            {
                problems.AddRange(failure.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        problems.AddRange(Sending.SendingOptionsRules.Problems(options.Sending ?? new SendingOptions()));
        CheckSes(options, problems);
        CheckNoSilentOutbox(options, environmentName, problems);
        return problems.Select(p => section + ":" + p).ToList();
    }

    /// <summary>
    /// A deployed app with no AWS region would otherwise write its mail (password-reset tokens and all) to a local
    /// folder and report success. Outside Development the outbox must be asked for by name.
    /// </summary>
    private static void CheckNoSilentOutbox(MailerOptions options, string? environmentName, List<string> problems)
    {
        if (environmentName is null || string.Equals(environmentName, "Development", StringComparison.OrdinalIgnoreCase)
            || !TransportChoice.Resolve(options).IsAutoOutbox)
        {
            return;
        }

        problems.Add($"Transport: is Auto and no AWS region is configured, so in the '{environmentName}' environment emails would only be " +
            $"written to the local folder '{options.Outbox.Folder}'. Configure SES (Ses:Region, AWS_REGION or an AWS profile with a region), " +
            "or set Transport to Outbox to keep the outbox on purpose.");
    }

    private static void CheckSes(MailerOptions options, List<string> problems)
    {
        var ses = options.Ses ?? new SesClientOptions();
        var before = problems.Count;
        if (!string.IsNullOrWhiteSpace(ses.Region) && !RegionPattern().IsMatch(ses.Region))
        {
            problems.Add($"Ses:Region: '{ses.Region}' is not an AWS region name (for example eu-west-1).");
        }

        if (ses.AttemptTimeout <= TimeSpan.Zero)
        {
            problems.Add($"Ses:AttemptTimeout: '{ses.AttemptTimeout}' must be positive.");
        }

        if (ses.MaxResponseBytes <= 0)
        {
            problems.Add($"Ses:MaxResponseBytes: '{ses.MaxResponseBytes}' must be positive.");
        }

        if (ses.Endpoint is { } endpoint && !(endpoint.IsAbsoluteUri && (endpoint.Scheme == Uri.UriSchemeHttp || endpoint.Scheme == Uri.UriSchemeHttps)))
        {
            problems.Add($"Ses:Endpoint: '{endpoint}' must be an absolute http or https URL.");
        }

        if (problems.Count > before || options.EffectiveTransport != TransportKind.Ses)
        {
            return;
        }

        // SES carries the messages: what the client would resolve at the first send is resolved now.
        try
        {
            var region = SesConnectionResolver.ResolveRegion(ses);
            SesConnectionResolver.ResolveEndpoint(ses, region);
            ses.Retry.Validate();
        }
        catch (SesConfigurationException e)
        {
            problems.Add($"Ses: {e.Message}");
        }
        catch (ArgumentOutOfRangeException e)
        {
            problems.Add($"Ses:Retry:{e.ParamName}: {e.Message}");
        }
    }

    [GeneratedRegex(@"\A[a-z]{2}(-[a-z]+)+-[0-9]+\z")]
    private static partial Regex RegionPattern();
}
