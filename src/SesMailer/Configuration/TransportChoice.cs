using SesMailer.Ses.Connection;

namespace SesMailer.Configuration;

/// <summary>
/// Which transport the settings stand for, and why: logged at start so nobody has to guess where mail went.
/// <see cref="TransportKind.Auto"/> is SES whenever SES can be reached (a <c>Ses</c> setting, or a region from the
/// AWS chain, as a deployed instance has in its environment), the outbox folder only when there is no region at all.
/// </summary>
internal sealed record TransportChoice(TransportKind Kind, string Reason)
{
    public bool IsAutoOutbox { get; private init; }

    public static TransportChoice Resolve(MailerOptions options)
    {
        if (options.Transport != TransportKind.Auto)
        {
            return new(options.Transport, "the Transport setting");
        }

        var ses = options.Ses;
        if (!string.IsNullOrWhiteSpace(ses.Region) || !string.IsNullOrWhiteSpace(ses.Profile) || ses.Endpoint is not null)
        {
            return new(TransportKind.Ses, "Transport is Auto and the Ses settings name a region, profile or endpoint");
        }

        return SesConnectionResolver.TryResolveRegion(ses) is { } region
            ? new(TransportKind.Ses, $"Transport is Auto and the AWS environment names region {region}")
            : new(TransportKind.Outbox, "Transport is Auto and no AWS region is configured anywhere") { IsAutoOutbox = true };
    }
}
