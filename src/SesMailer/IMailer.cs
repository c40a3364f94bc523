using System.Globalization;
using SesMailer.Sending;

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

    /// <summary>
    /// Sends many messages, paced to the account's rate in the bulk lane (interactive sends keep their share), and
    /// streams one outcome per message as each is known, not necessarily in input order (<see cref="SendOutcome.Index"/>
    /// says which input it was). Each message gets its stable id before it is sent, so every outcome carries one.
    /// A message sent with <see cref="EmailOptions.OneMessagePerRecipient"/> yields one outcome per copy (same index,
    /// the copy's id). Cancelling stops promptly and still reports every message: those not yet sent as
    /// <see cref="SendOutcomeKind.NotAttempted"/> (<c>Cancelled</c>), those whose request had left as
    /// <see cref="SendOutcomeKind.InDoubt"/>. A used-up daily quota or an open circuit breaker stops the run the same
    /// way (<c>DailyQuota</c>, <c>CircuitOpen</c>). Failures never throw; a failing source ends the enumeration with its
    /// exception after the outcomes of the messages it gave.
    /// </summary>
    /// <remarks>The default implementation sends one message after the other through <see cref="SendAsync"/>.</remarks>
    IAsyncEnumerable<SendOutcome> SendBulkAsync(IAsyncEnumerable<EmailMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return BulkSends.SendOneByOneAsync(this, messages, cancellationToken);
    }

    /// <summary>Sends many messages: see <see cref="SendBulkAsync(IAsyncEnumerable{EmailMessage}, CancellationToken)"/>.</summary>
    IAsyncEnumerable<SendOutcome> SendBulkAsync(IEnumerable<EmailMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return SendBulkAsync(BulkSends.ToAsync(messages), cancellationToken);
    }
}
