using SesMailer.Transport;

namespace SesMailer.Configuration;

/// <summary>Settings of the outbox transport (<c>SesMailer:Outbox</c>).</summary>
public sealed class OutboxOptions
{
    /// <summary>The folder the <c>.eml</c> files are written to. <value>The default value is <c>outbox</c> (relative to the current directory).</value></summary>
    [FolderPath]
    public string Folder { get; set; } = FileOutboxTransport.DefaultFolder;
}
