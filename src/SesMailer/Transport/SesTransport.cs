using SesMailer.Ses;
using SesMailer.Ses.Model;

namespace SesMailer.Transport;

/// <summary>
/// Sends composed messages through Amazon SES <c>SendRawEmail</c>: the MIME bytes as they are, the envelope sender
/// as <c>Source</c>, every recipient (Bcc included) as <c>Destinations</c>, and the configuration set and tags as
/// parameters. Retries and error classification belong to the <see cref="ISesClient"/>.
/// </summary>
public sealed class SesTransport : IEmailTransport
{
    private readonly ISesClient _client;

    /// <summary>The SES client messages go through.</summary>
    internal ISesClient Client => _client;

    /// <summary>Creates a transport over an SES client.</summary>
    public SesTransport(ISesClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The envelope has no recipients, or a field breaks an SES rule (named in the message).</exception>
    /// <exception cref="SesException">SES refused the message or could not be reached.</exception>
    public async Task<SendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (email.Destinations.Count == 0)
        {
            // Without Destinations SES reads the headers and silently loses Bcc recipients: never send that way.
            throw new ArgumentException("OutgoingEmail.Destinations must hold every recipient (To, Cc and Bcc); it is empty.", nameof(email));
        }

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

    // The stable id rides along as a tag, which SES copies into every event notification of the message.
    private static SesMessageTag[] Tags(OutgoingEmail email)
    {
        var tags = email.Tags.Select(static t => new SesMessageTag(t.Name, t.Value));
        return (email.Id is { } id ? tags.Append(new SesMessageTag(StableId.TagName, id)) : tags).ToArray();
    }
}
