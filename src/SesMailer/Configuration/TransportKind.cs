namespace SesMailer.Configuration;

/// <summary>Which transport carries the messages (<c>SesMailer:Transport</c>).</summary>
public enum TransportKind
{
    /// <summary>
    /// Chosen from the settings: SES when any <c>Ses</c> setting is present or the AWS chain supplies a region, the
    /// outbox folder otherwise, which is allowed only in Development (elsewhere, a start-up error: say <c>Outbox</c>
    /// to want it).
    /// </summary>
    Auto = 0,

    /// <summary><c>.eml</c> files in a folder (<see cref="Transport.FileOutboxTransport"/>).</summary>
    Outbox,

    /// <summary>Kept in memory for tests (<see cref="Transport.InMemoryTransport"/>).</summary>
    InMemory,

    /// <summary>Amazon SES <c>SendRawEmail</c> (<see cref="Transport.SesTransport"/>).</summary>
    Ses,
}
