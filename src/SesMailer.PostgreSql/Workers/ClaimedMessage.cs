using SesMailer.Sending;
using SesMailer.Transport;

namespace SesMailer.PostgreSql.Workers;

/// <summary>
/// A row a worker claimed, with what it needs to send it. <see cref="ClaimedAt"/> (the database's clock, to the
/// microsecond) names this claim: a later claim of the same row, by any worker, has another.
/// </summary>
internal sealed record ClaimedMessage(OutgoingEmail Email, int Attempts, string? TraceParent, string? TraceState, DateTime ClaimedAt)
{
    public string Id => Email.Id!;

    public int Recipients => Email.Destinations.Count;

    /// <summary>The row's <c>attempts</c> once this claim's send was committed.</summary>
    public int Attempt => Attempts + 1;

    public static ClaimedMessage Read(Npgsql.NpgsqlDataReader reader)
    {
        // RETURNING m.id, m.lane, m.mime, m.sender, m.recipients, m.configuration_set, m.tags, m.email_name, m.traceparent, m.tracestate, m.attempts, m.claimed_at
        var tags = reader.GetFieldValue<string[]>(6).Select(static t =>
        {
            var split = t.IndexOf('=', StringComparison.Ordinal);
            return new MessageTag(t[..split], t[(split + 1)..]);
        });
        var email = new OutgoingEmail
        {
            Id = reader.GetString(0),
            Lane = reader.GetInt16(1) == 0 ? SendLane.Interactive : SendLane.Bulk,
            Mime = reader.GetFieldValue<byte[]>(2),
            From = reader.GetString(3),
            Destinations = reader.GetFieldValue<string[]>(4),
            ConfigurationSet = reader.IsDBNull(5) ? null : reader.GetString(5),
            Tags = [.. tags],
            EmailName = reader.IsDBNull(7) ? null : reader.GetString(7),
        };
        return new ClaimedMessage(email, reader.GetInt32(10), reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9), reader.GetDateTime(11));
    }
}
