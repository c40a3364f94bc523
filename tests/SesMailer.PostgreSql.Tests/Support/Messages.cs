using System.Text;
using SesMailer.Sending;
using SesMailer.Transport;

namespace SesMailer.PostgreSql.Tests.Support;

/// <summary>Composed messages to queue.</summary>
internal static class Messages
{
    public static OutgoingEmail Composed(string? id = null, int recipients = 1, SendLane lane = SendLane.Bulk, string subject = "Hello")
    {
        id ??= StableId.New();
        var destinations = Enumerable.Range(1, recipients).Select(i => $"r{i}@example.com").ToArray();
        var mime = $"From: noreply@acme.example\r\nTo: {destinations[0]}\r\nSubject: {subject}\r\n{StableId.HeaderName}: {id}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nHello.\r\n";
        return new OutgoingEmail
        {
            Mime = Encoding.ASCII.GetBytes(mime),
            From = "noreply@acme.example",
            Destinations = destinations,
            Id = id,
            Lane = lane,
            EmailName = "Hello",
            Tags = [new MessageTag("campaign", "spring")],
        };
    }
}
