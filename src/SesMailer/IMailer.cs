using System.Globalization;

namespace SesMailer;

/// <summary>
/// Sends emails. Typed emails are sent through the generated <c>Send{Name}Async</c> extension methods;
/// hand-built messages through <see cref="SendAsync(EmailMessage, CancellationToken)"/>.
/// </summary>
public interface IMailer
{
    /// <summary>Composes <paramref name="message"/> as MIME and hands it to the transport.</summary>
    Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// The culture emails render in when a send names none (<see cref="EmailOptions.Culture"/>), or
    /// <see langword="null"/> for the caller's current culture.
    /// <value>The default implementation returns <see langword="null"/>.</value>
    /// </summary>
    CultureInfo? DefaultCulture => null;
}
