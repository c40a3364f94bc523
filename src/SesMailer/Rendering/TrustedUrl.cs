using System.Globalization;

namespace SesMailer.Rendering;

/// <summary>
/// A URL the application vouches for: written into a URL attribute of an HTML template even when its scheme is one
/// SesMailer would otherwise replace (an app link such as <c>myapp://</c>, a <c>webcal:</c> feed, an <c>sms:</c>
/// link). Made with <c>@Html.TrustedUrl(url)</c>; still HTML-encoded like any value, and still checked in a
/// <c>style</c> attribute. Never wrap a URL a user could have chosen.
/// </summary>
/// <remarks>
/// Model values written into <c>href</c>, <c>src</c> and the other URL attributes are checked: anything but a
/// relative URL, <c>http:</c>, <c>https:</c>, <c>mailto:</c>, <c>tel:</c>, <c>cid:</c> or a PNG, GIF, JPEG or WebP
/// <c>data:image/</c> URL is written as <see cref="UnsafeAttributeValue.Url"/>.
/// </remarks>
public sealed class TrustedUrl
{
    /// <summary>Vouches for <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public TrustedUrl(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>Vouches for <paramref name="value"/>, written as templates write any <see cref="Uri"/> (its <see cref="Uri.ToString"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public TrustedUrl(Uri value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = Convert.ToString(value, CultureInfo.CurrentCulture) ?? string.Empty;
    }

    /// <summary>The URL, not encoded.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value;
}
