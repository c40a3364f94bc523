namespace SesMailer.Cli;

/// <summary>
/// A message left for SES and no answer from SES said what became of it. Carries the message's stable id (the
/// <c>X-SesMailer-Id</c> header, or the <c>sesmailer-id</c> tag the command added) so it can be found in SES event
/// data before anything is sent again. Exit code 3.
/// </summary>
public sealed class CliInDoubtException(string id, Exception innerException)
    : Exception($"in doubt: message {id}: {innerException.Message}", innerException)
{
    /// <summary>The message's stable id.</summary>
    public string Id { get; } = id;
}
