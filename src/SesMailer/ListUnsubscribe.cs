namespace SesMailer;

/// <summary>
/// The <c>List-Unsubscribe</c> header (RFC 2369) and, for one-click unsubscribe (RFC 8058, required of bulk
/// senders by Gmail and Yahoo), <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c>.
/// </summary>
public sealed record ListUnsubscribe
{
    /// <summary>The HTTPS URL that unsubscribes the recipient, or <see langword="null"/>.</summary>
    public Uri? Url { get; init; }

    /// <summary>The address an unsubscribe request is mailed to (without <c>mailto:</c>), or <see langword="null"/>.</summary>
    public string? Mailto { get; init; }

    /// <summary>
    /// Whether to announce one-click unsubscribe (RFC 8058): a POST to <see cref="Url"/> unsubscribes without
    /// further interaction. Requires an HTTPS <see cref="Url"/>.
    /// <value>The default value is <see langword="false"/>.</value>
    /// </summary>
    public bool OneClick { get; init; }

    /// <summary>One-click unsubscribe through <paramref name="url"/>, with an optional mailto fallback.</summary>
    public static ListUnsubscribe OneClickUrl(Uri url, string? mailto = null) => new() { Url = url, Mailto = mailto, OneClick = true };
}
