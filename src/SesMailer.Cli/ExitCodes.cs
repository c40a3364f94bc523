namespace SesMailer.Cli;

/// <summary>The exit codes of <c>sesmailer</c>.</summary>
public static class ExitCodes
{
    /// <summary>Everything succeeded (every message sent).</summary>
    public const int Success = 0;

    /// <summary>SES refused something or could not be reached; for several messages, some failed or were rejected.</summary>
    public const int SesError = 1;

    /// <summary><c>preview</c>: a preview could not be rendered; <c>lint</c>: an error-level finding exists (or a preview failed).</summary>
    public const int Failed = 1;

    /// <summary>Bad usage or invalid input (the message names the option or argument).</summary>
    public const int Usage = 2;

    /// <summary>
    /// At least one message is in doubt: it left for SES but no answer from SES said what became of it, so it may have
    /// been delivered. Such messages are listed with their stable ids and are never resent automatically. Wins over
    /// <see cref="SesError"/>, as they need a person to check before anything is sent again.
    /// </summary>
    public const int InDoubt = 3;
}
