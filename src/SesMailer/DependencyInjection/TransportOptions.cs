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

    /// <summary>Amazon SES <c>SendRawEmail</c> (<see cref="Transport.SesTransport"/>).</summary>
    Ses,
}

/// <summary>
/// The transport settings of the <c>SesMailer</c> configuration section:
/// <c>"Transport": "Auto" | "Outbox" | "Ses" | "InMemory"</c>, <c>"Outbox": { "Folder": "outbox" }</c> and
/// <c>"Ses": { "Region": "eu-west-1", "Profile": "mailer", "Endpoint": "http://127.0.0.1:8005" }</c>.
/// </summary>
public sealed class TransportOptions
{
    /// <summary>The transport. <value>The default value is <see cref="TransportKind.Auto"/>.</value></summary>
    [ConfigurationKeyName("Transport")]
    public TransportKind Kind { get; set; }

    /// <summary>Settings of the outbox transport.</summary>
    public OutboxSettings Outbox { get; set; } = new();

    /// <summary>Settings of the SES transport; anything left unset comes from the standard AWS chain.</summary>
    public SesSettings Ses { get; set; } = new();

    /// <summary>The transport <see cref="Kind"/> stands for: <see cref="TransportKind.Auto"/> is SES when any SES setting is present, the outbox otherwise.</summary>
    public TransportKind EffectiveKind => Kind != TransportKind.Auto ? Kind : Ses.IsConfigured ? TransportKind.Ses : TransportKind.Outbox;
}

/// <summary>
/// Settings of the SES transport. Credentials never go here: they come from the AWS chain (environment variables,
/// <see cref="Profile"/>, shared files, container and instance roles), or from code through
/// <see cref="SesMailerBuilder.UseSes(Action{SesMailer.Ses.SesClientOptions}?)"/>.
/// </summary>
public sealed class SesSettings
{
    /// <summary>The AWS region, for example <c>eu-west-1</c>; else the profile's, else <c>AWS_REGION</c>.</summary>
    public string? Region { get; set; }

    /// <summary>A named profile of the shared AWS credentials/config files.</summary>
    public string? Profile { get; set; }

    /// <summary>The endpoint, for example an emulator's <c>http://127.0.0.1:8005</c>; else <c>AWS_ENDPOINT_URL_SES</c>, <c>AWS_ENDPOINT_URL</c>, or the regional SES endpoint.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Whether any SES setting is present.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Region) || !string.IsNullOrWhiteSpace(Profile) || !string.IsNullOrWhiteSpace(Endpoint);
}

/// <summary>Settings of the outbox transport.</summary>
public sealed class OutboxSettings
{
    /// <summary>The folder the <c>.eml</c> files are written to. <value>The default value is <c>outbox</c> (relative to the current directory).</value></summary>
    public string Folder { get; set; } = Transport.FileOutboxTransport.DefaultFolder;
}
