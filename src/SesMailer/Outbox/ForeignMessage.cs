using MimeKit;

namespace SesMailer.Outbox;

/// <summary>
/// The envelope of an <c>.eml</c> written by another tool: the first From address as the sender and every To, Cc and
/// Bcc address of its headers as the recipients (as <c>sesmailer send-raw</c> does), under a new stable id. The
/// file itself is sent as it is; the id travels as the SES tag only.
/// </summary>
internal static class ForeignMessage
{
    /// <exception cref="FormatException">The file is not a MIME message, or has no From or no recipient (the message says which).</exception>
    public static OutboxEnvelope EnvelopeOf(byte[] mime, string path)
    {
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(mime);
            message = MimeMessage.Load(stream);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{Path.GetFileName(path)} is not a MIME message ({e.Message}).", e);
        }

        using (message)
        {
            var from = message.From.Mailboxes.FirstOrDefault()?.Address
                ?? throw new FormatException($"{Path.GetFileName(path)} has no From address, and no envelope names the sender.");
            var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes).Select(m => m.Address).ToArray();
            if (recipients.Length == 0)
            {
                throw new FormatException($"{Path.GetFileName(path)} has no To, Cc or Bcc address, and no envelope names the recipients.");
            }

            var own = message.Headers[StableId.HeaderName];
            return new OutboxEnvelope
            {
                // A file that carries an id of ours keeps it; any other gets a new one, recorded before it is claimed.
                Id = own is { Length: > 0 } ? own.Trim() : StableId.New(),
                From = from,
                Destinations = recipients,
                FromHeaders = true,
            };
        }
    }
}
