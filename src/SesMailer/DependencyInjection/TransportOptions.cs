using Microsoft.Extensions.Configuration;

namespace SesMailer.DependencyInjection;

/// <summary>Which transport carries the messages.</summary>
public enum TransportKind
{
    /// <summary>Chosen from the settings: SES when any <c>Ses</c> setting is present, the outbox folder otherwise.</summary>
    Auto = 0,

    /// <summary><c>.eml</c> files in a folder (<see cref="Transport.FileOutboxTransport"/>).</summary>
    Outbox,

    /// <summary>Kept in memory for tests (<see cref="Transport.InMemoryTransport"/>).</summary>
    InMemory,
}

/// <summary>
/// The transport settings of the <c>SesMailer</c> configuration section:
/// <c>"Transport": "Outbox" | "InMemory" | "Auto"</c> and <c>"Outbox": { "Folder": "outbox" }</c>.
/// </summary>
public sealed class TransportOptions
{
    /// <summary>The transport. <value>The default value is <see cref="TransportKind.Auto"/>.</value></summary>
    [ConfigurationKeyName("Transport")]
    public TransportKind Kind { get; set; }

    /// <summary>Settings of the outbox transport.</summary>
    public OutboxSettings Outbox { get; set; } = new();
}

/// <summary>Settings of the outbox transport.</summary>
public sealed class OutboxSettings
{
    /// <summary>The folder the <c>.eml</c> files are written to. <value>The default value is <c>outbox</c> (relative to the current directory).</value></summary>
    public string Folder { get; set; } = Transport.FileOutboxTransport.DefaultFolder;
}
