namespace SesMailer.Cli;

/// <summary>The exit codes of <c>sesmailer</c>.</summary>
public static class ExitCodes
{
    /// <summary>The call succeeded.</summary>
    public const int Success = 0;

    /// <summary>SES answered with an error, or could not be reached.</summary>
    public const int SesError = 1;

    /// <summary><c>preview</c>: a preview could not be rendered; <c>lint</c>: an error-level finding exists (or a preview failed).</summary>
    public const int Failed = 1;

    /// <summary>Bad usage or invalid input (the message names the option or argument).</summary>
    public const int Usage = 2;
}
