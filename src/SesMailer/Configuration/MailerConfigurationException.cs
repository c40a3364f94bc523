namespace SesMailer.Configuration;

/// <summary>The mailer's settings are invalid; <see cref="Errors"/> names each bad setting and why.</summary>
public sealed class MailerConfigurationException : Exception
{
    /// <summary>Creates the exception from one message per bad setting.</summary>
    public MailerConfigurationException(IReadOnlyList<string> errors)
        : base("SesMailer is misconfigured:" + string.Concat(errors.Select(e => Environment.NewLine + "  " + e)))
    {
        Errors = errors;
    }

    /// <summary>One message per bad setting, each starting with the setting's path (for example <c>SesMailer:From</c>).</summary>
    public IReadOnlyList<string> Errors { get; }
}
