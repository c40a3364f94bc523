using SesMailer.Configuration;
using SesMailer.Ses;
using SesMailer.Ses.Model;
using SesMailer.Sending;

namespace SesMailer.Transport;

/// <summary>
/// Sends composed messages through Amazon SES <c>SendRawEmail</c>: the MIME bytes as they are, the envelope sender
/// as <c>Source</c>, every recipient (Bcc included) as <c>Destinations</c>, and the configuration set and tags as
/// parameters. Every send first waits for the sending rate (<see cref="ISendRateBudget"/>, counted in recipients),
/// so SES is never asked to go faster than the account allows. Retries and error classification belong to the
/// <see cref="ISesClient"/>.
/// </summary>
public sealed class SesTransport : IEmailTransport
{
    private readonly ISesClient _client;
    private readonly ISendRateBudget _budget;

    /// <summary>The SES client messages go through.</summary>
    internal ISesClient Client => _client;

    /// <summary>
    /// Creates a transport over an SES client, paced by a limiter of its own at the rate SES's GetSendQuota gives
    /// (1 recipient per second until it answers, or when it cannot). In an application, <c>AddSesMailer</c> builds the
    /// transport with the one limiter of the process instead.
    /// </summary>
    public SesTransport(ISesClient client)
        : this(client, null)
    {
    }

    /// <summary>Creates a transport over an SES client, paced by <paramref name="budget"/> (a limiter of its own when <see langword="null"/>).</summary>
    public SesTransport(ISesClient client, ISendRateBudget? budget)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _budget = budget ?? new SendRateLimiter(new SendingOptions(), QuotaOf(client));
        if (client is SesClient ses)
        {
            // Throttles the client retries by itself never reach the catch below; the budget must hear of them too.
            ses.Throttled += (_, _) => _budget.ReportThrottled();
        }
    }

    /// <summary>Reads the account's sending rate from <paramref name="client"/>, for a <see cref="SendRateLimiter"/>.</summary>
    public static Func<CancellationToken, Task<double>> QuotaOf(ISesClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return async cancellationToken => (await client.GetSendQuotaAsync(cancellationToken).ConfigureAwait(false)).MaxSendRate;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The envelope has no recipients, or a field breaks an SES rule (named in the message).</exception>
    /// <exception cref="SesException">SES refused the message or could not be reached.</exception>
    /// <exception cref="OperationCanceledException">Cancelled while waiting for the sending rate: nothing was sent.</exception>
    public async Task<SendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (email.Destinations.Count == 0)
        {
            // Without Destinations SES reads the headers and silently loses Bcc recipients: never send that way.
            throw new ArgumentException("OutgoingEmail.Destinations must hold every recipient (To, Cc and Bcc); it is empty.", nameof(email));
        }

        // Held until SES answered, so the limiter counts the send in whichever second SES did.
        using var lease = await _budget.AcquireAsync(email.Destinations.Count, email.Lane, cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await _client.SendRawEmailAsync(new SendRawEmailRequest
            {
                RawMessage = email.Mime,
                Source = email.From,
                Destinations = email.Destinations,
                ConfigurationSetName = email.ConfigurationSet,
                Tags = Tags(email),
            }, cancellationToken).ConfigureAwait(false);
            return new SendResult(response.MessageId);
        }
        catch (SesException e) when (e.IsThrottled && !e.IsQuotaExhausted)
        {
            _budget.ReportThrottled();
            throw;
        }
    }

    // The stable id rides along as a tag, which SES copies into every event notification of the message. Filled in
    // place: no LINQ iterators per send.
    private static SesMessageTag[] Tags(OutgoingEmail email)
    {
        var source = email.Tags;
        var tags = new SesMessageTag[source.Count + (email.Id is null ? 0 : 1)];
        for (var i = 0; i < source.Count; i++)
        {
            tags[i] = new SesMessageTag(source[i].Name, source[i].Value);
        }

        if (email.Id is { } id)
        {
            tags[^1] = new SesMessageTag(StableId.TagName, id);
        }

        return tags;
    }
}
