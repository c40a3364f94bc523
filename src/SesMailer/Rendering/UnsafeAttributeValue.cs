namespace SesMailer.Rendering;

/// <summary>
/// What an HTML template writes instead of an attribute value that a model value would make unsafe. Only values from
/// code are checked (<c>@Model.X</c>, <c>@(expression)</c>); the template's own text, markup from
/// <c>@Html.Raw(…)</c> and text templates are written as they are.
/// </summary>
public static class UnsafeAttributeValue
{
    /// <summary>
    /// Written as the whole value of a URL attribute (<c>href</c>, <c>src</c>, <c>action</c>, <c>formaction</c>,
    /// <c>background</c>, <c>poster</c>, <c>cite</c>, <c>xlink:href</c>, <c>longdesc</c>, <c>lowsrc</c>, <c>dynsrc</c>,
    /// <c>data</c>, <c>codebase</c>, <c>classid</c>, <c>usemap</c>, <c>manifest</c>, <c>icon</c>, <c>profile</c>) whose
    /// scheme, once the browser has decoded character references and dropped the whitespace and control characters it
    /// ignores, comes at least partly from code and is not one of: none (a relative URL), <c>http</c>, <c>https</c>,
    /// <c>mailto</c>, <c>tel</c>, <c>cid</c>, or <c>data</c> with the media type <c>image/png</c>, <c>image/gif</c>,
    /// <c>image/jpeg</c> or <c>image/webp</c>. So <c>javascript:</c>, <c>vbscript:</c>, <c>data:text/html</c>,
    /// <c>data:image/svg+xml</c> and schemes that start other programs (<c>ms-msdt:</c>, <c>file:</c>) never come from
    /// a model. Lists of URLs (<c>srcset</c>, <c>ping</c>, <c>archive</c>) are not checked: browsers fetch them as
    /// images or beacons, never run them. Write <c>@Html.TrustedUrl(url)</c> for a URL the application vouches for.
    /// </summary>
    /// <value>The convention of well-known sanitizers: a URL that browsers refuse to load, named for what happened.</value>
    public const string Url = "about:invalid#sesmailer-unsafe-url";

    /// <summary>
    /// Written as the whole value of a <c>style</c> attribute when a value from code holds <c>;</c>, <c>{</c>,
    /// <c>}</c>, <c>&lt;</c>, <c>&gt;</c>, a quote or a backslash, or writes part of a <c>/*</c>, <c>url(</c> or
    /// <c>expression(</c> (in any case, whatever whitespace or invisible characters they hold): anything that could end
    /// its declaration, start a rule, a comment, a string or an escape, or load a resource. A colour, a length, a font
    /// list or <c>rgb(…)</c> passes. Write the value with <c>@Html.Raw(…)</c> if the application vouches for it.
    /// </summary>
    /// <value>An invalid declaration, which CSS parsers drop.</value>
    public const string Style = "sesmailer-unsafe-style";
}
