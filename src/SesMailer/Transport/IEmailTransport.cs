namespace SesMailer.Transport;

/// <summary>
/// The port between the mailer and whatever carries the message (SES, a folder of .eml files, memory).
/// A transport knows bytes and an envelope, never templates.
/// </summary>
public interface IEmailTransport
{
    /// <summary>Delivers one composed message.</summary>
    Task<SendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default);
}
