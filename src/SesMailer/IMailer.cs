namespace SesMailer;

/// <summary>
/// Sends emails. Typed emails are sent through the generated <c>Send{Name}Async</c> extension methods;
/// hand-built messages through <see cref="SendAsync(EmailMessage, CancellationToken)"/>.
/// </summary>
public interface IMailer
{
    /// <summary>Composes <paramref name="message"/> as MIME and hands it to the transport.</summary>
    Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
