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
internal sealed partial class MailerOptionsValidator(string section) : IValidateOptions<MailerOptions>
{
    public ValidateOptionsResult Validate(string? name, MailerOptions options)
    {
        var problems = Problems(options, section);
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
    public static List<string> Problems(MailerOptions options, string section)
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
        return problems.Select(p => section + ":" + p).ToList();
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
