using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Encodings.Web;

namespace SesMailer.Rendering;

/// <summary>
/// The <c>@Html</c> object of templates: <c>@Html.Raw(trustedMarkup)</c> and <c>@Html.Encode(text)</c>, as in ASP.NET
/// Core, and <c>@Html.TrustedUrl(url)</c> for a URL whose scheme the application vouches for.
/// </summary>
[SuppressMessage("Performance", "CA1822", Justification = "Reached through the @Html instance in templates, like ASP.NET Core's IHtmlHelper.")]
public sealed class HtmlHelper
{
    internal static readonly HtmlHelper Instance = new();

    private HtmlHelper()
    {
    }

    /// <summary>Marks <paramref name="value"/> as trusted markup, written without encoding. Never pass user input here.</summary>
    public HtmlString Raw(object? value) => value switch
    {
        null => HtmlString.Empty,
        HtmlString html => html,
        _ => new HtmlString(Convert.ToString(value, CultureInfo.CurrentCulture) ?? string.Empty),
    };

    /// <summary>
    /// Vouches for <paramref name="url"/>: in a URL attribute (<c>href="@Html.TrustedUrl(Model.AppLink)"</c>) it is
    /// written even when its scheme is not one SesMailer lets through from a model (see
    /// <see cref="UnsafeAttributeValue.Url"/>), still HTML-encoded. Never pass a URL a user could have chosen.
    /// </summary>
    /// <returns>The trusted URL, or <see langword="null"/> (which drops an attribute it is the only value of).</returns>
    [return: NotNullIfNotNull(nameof(url))]
    public TrustedUrl? TrustedUrl(string? url) => url is null ? null : new TrustedUrl(url);

    /// <inheritdoc cref="TrustedUrl(string?)"/>
    [return: NotNullIfNotNull(nameof(url))]
    public TrustedUrl? TrustedUrl(Uri? url) => url is null ? null : new TrustedUrl(url);

    /// <summary>HTML-encodes <paramref name="value"/>.</summary>
    public string Encode(object? value) => HtmlEncoder.Default.Encode(Convert.ToString(value, CultureInfo.CurrentCulture) ?? string.Empty);
}
