using System.Globalization;
using System.Text.Encodings.Web;

namespace SesMailer.Rendering;

/// <summary>The <c>@Html</c> object of templates: <c>@Html.Raw(trustedMarkup)</c> and <c>@Html.Encode(text)</c>, as in ASP.NET Core.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Reached through the @Html instance in templates, like ASP.NET Core's IHtmlHelper.")]
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

    /// <summary>HTML-encodes <paramref name="value"/>.</summary>
    public string Encode(object? value) => HtmlEncoder.Default.Encode(Convert.ToString(value, CultureInfo.CurrentCulture) ?? string.Empty);
}
