namespace SesMailer.Cli;

/// <summary>Bad usage or input on the command line; the message names the option. Exit code 2.</summary>
public sealed class CliUsageException(string message, Exception? innerException = null) : Exception(message, innerException);
