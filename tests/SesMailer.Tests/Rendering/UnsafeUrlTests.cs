using SesMailer.Rendering;

namespace SesMailer.Tests.Rendering;

/// <summary>
/// A model value never makes a URL attribute of an HTML template run script or open a document: the attribute gets
/// <c>about:invalid#sesmailer-unsafe-url</c> instead. What is checked is the URL a browser would see, after it decodes
/// character references and drops the characters it ignores.
/// </summary>
public class UnsafeUrlTests
{
    private const string Neutralised = " href=\"about:invalid#sesmailer-unsafe-url\"";

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData("  javascript:alert(1)")]
    [InlineData("\tjava\nscr\ript:alert(1)")]
    [InlineData("\u0001\u001f javascript:alert(1)")]
    [InlineData("java\u00adscript:alert(1)")]
    [InlineData("javascript\u200b:alert(1)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("VBScript:msgbox(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("DATA:TEXT/HTML,<script>alert(1)</script>")]
    [InlineData("data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=")]
    [InlineData("data:image/png-evil,x")]
    [InlineData("data:,alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ms-msdt:/id PCWDiagnostic")]
    [InlineData("livescript:alert(1)")]
    public void A_script_document_or_unknown_scheme_from_the_model_is_replaced(string url)
    {
        Assert.Equal(Neutralised, Attribute("href", Code(url)));
    }

    [Theory]
    [InlineData("https://acme.example/a?b=1&c=2", "https://acme.example/a?b=1&amp;c=2")]
    [InlineData("HTTP://ACME.EXAMPLE/", "HTTP://ACME.EXAMPLE/")]
    [InlineData("mailto:ann@example.com?subject=Hi", "mailto:ann@example.com?subject=Hi")]
    [InlineData("tel:+15551234", "tel:&#x2B;15551234")]
    [InlineData("cid:logo@acme.example", "cid:logo@acme.example")]
    [InlineData("/relative/path:with:colons", "/relative/path:with:colons")]
    [InlineData("page.html#a:b", "page.html#a:b")]
    [InlineData("?next=javascript:alert(1)", "?next=javascript:alert(1)")]
    [InlineData("//cdn.acme.example/x.png", "//cdn.acme.example/x.png")]
    [InlineData("", "")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=", "data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("data:image/gif;base64,R0lGODlh", "data:image/gif;base64,R0lGODlh")]
    [InlineData("data:image/jpeg;base64,/9j/4AAQ", "data:image/jpeg;base64,/9j/4AAQ")]
    [InlineData("Data:Image/WebP;base64,UklGRg==", "Data:Image/WebP;base64,UklGRg==")]
    [InlineData("data:image/png,raw", "data:image/png,raw")]
    // A browser reads this value as it is, a relative URL: the model cannot write a character reference.
    [InlineData("javascript&colon;alert(1)", "javascript&amp;colon;alert(1)")]
    public void Web_mail_telephone_content_id_relative_and_image_urls_are_written_encoded(string url, string written)
    {
        Assert.Equal(" href=\"" + written + "\"", Attribute("href", Code(url)));
    }

    [Fact]
    public void A_Uri_is_checked_like_a_string()
    {
        Assert.Equal(Neutralised, Attribute("href", Code(new Uri("javascript:alert(document.cookie)"))));
        Assert.Equal(" href=\"https://acme.example/confirm?t=1\"", Attribute("href", Code(new Uri("https://acme.example/confirm?t=1"))));
    }

    [Theory]
    [InlineData("src")]
    [InlineData("action")]
    [InlineData("formaction")]
    [InlineData("background")]
    [InlineData("poster")]
    [InlineData("cite")]
    [InlineData("xlink:href")]
    [InlineData("longdesc")]
    [InlineData("data")]
    [InlineData("HREF")]
    public void Every_url_attribute_is_checked(string name)
    {
        Assert.Equal($" {name}=\"about:invalid#sesmailer-unsafe-url\"", Attribute(name, Code("javascript:alert(1)")));
    }

    [Fact]
    public void Other_attributes_and_text_templates_are_not_url_checked()
    {
        Assert.Equal(" title=\"javascript:alert(1)\"", Attribute("title", Code("javascript:alert(1)")));
        Assert.Equal(" href=\"javascript:alert(1)\"", Attribute("href", TemplateKind.Text, Code("javascript:alert(1)")));
    }

    [Fact]
    public void A_scheme_the_template_writes_itself_is_the_authors_choice()
    {
        Assert.Equal(" href=\"https://acme.example/javascript:alert(1)\"", Attribute("href", Literal("https://acme.example/"), Code("javascript:alert(1)")));
        Assert.Equal(" href=\"javascript:void(0)\"", Attribute("href", Literal("javascript:"), Code("void(0)")));
        Assert.Equal(" src=\"data:image/png;base64,&lt;x\"", Attribute("src", Literal("data:image/png;base64,"), Code("<x")));
    }

    [Fact]
    public void A_scheme_the_model_completes_is_checked_as_a_whole()
    {
        Assert.Equal(Neutralised, Attribute("href", Code("java"), Code("script:alert(1)")));
        Assert.Equal(Neutralised, Attribute("href", Code("javascript"), Literal(":alert(1)")));
        Assert.Equal(Neutralised, Attribute("href", Code(" "), Literal("javascript:alert(1)")));
        Assert.Equal(" src=\"about:invalid#sesmailer-unsafe-url\"", Attribute("src", Literal("data:"), Code("text/html"), Literal(",<script>alert(1)</script>")));
        Assert.Equal(" src=\"data:image/png,x\"", Attribute("src", Literal("data:"), Code("image/png"), Literal(",x")));
    }

    [Fact]
    public void Character_references_of_the_template_text_are_decoded_as_a_browser_does()
    {
        // &#106; is "j"; the model supplies the rest of the scheme.
        Assert.Equal(Neutralised, Attribute("href", Literal("&#106;"), Code("avascript:alert(1)")));
        // An unterminated reference in the template text, completed by the model's digits: "&#106;" once more.
        Assert.Equal(Neutralised, Attribute("href", Literal("&#10"), Code("6;avascript:alert(1)")));
        Assert.Equal(Neutralised, Attribute("href", Code("javascript"), Literal("&colon;alert(1)")));
        Assert.Equal(Neutralised, Attribute("href", Literal("&Tab;&#x0A;"), Code("javascript:alert(1)")));
        Assert.Equal(Neutralised, Attribute("href", Code("javascript"), Literal("&#x3a;alert(1)")));
    }

    [Fact]
    public void Only_the_url_is_replaced_and_the_attribute_keeps_its_quotes()
    {
        var output = new StringWriter();
        var writer = new TemplateWriter();

        output.Write("<a");
        writer.BeginWriteAttribute(output, "href", " href='", "'", 1);
        writer.WriteAttributeValue(output, TemplateKind.Html, string.Empty, "javascript:alert(1)", isLiteral: false);
        writer.EndWriteAttribute(output);
        output.Write(" title=\"x\">");

        Assert.Equal("<a href='about:invalid#sesmailer-unsafe-url' title=\"x\">", output.ToString());
    }

    [Fact]
    public void A_null_url_still_drops_the_attribute()
    {
        Assert.Equal(string.Empty, Attribute("href", Code(null)));
    }

    [Fact]
    public void Markup_written_with_Raw_stays_as_the_developer_wrote_it()
    {
        Assert.Equal(" href=\"javascript:void(0)\"", Attribute("href", Code(new HtmlString("javascript:void(0)"))));
    }

    [Fact]
    public void A_trusted_url_is_written_encoded_whatever_its_scheme()
    {
        Assert.Equal(" href=\"myapp://open?id=1&amp;x=2\"", Attribute("href", Code(EmailTemplate.Html.TrustedUrl("myapp://open?id=1&x=2"))));
        Assert.Equal(" href=\"webcal://acme.example/feed.ics\"", Attribute("href", Code(EmailTemplate.Html.TrustedUrl(new Uri("webcal://acme.example/feed.ics")))));
        Assert.Equal(string.Empty, Attribute("href", Code(EmailTemplate.Html.TrustedUrl((string?)null))));
    }

    [Fact]
    public void Trusting_one_part_does_not_trust_the_others()
    {
        Assert.Equal(Neutralised, Attribute("href", Code(new TrustedUrl("java")), Code("script:alert(1)")));
        Assert.Equal(" style=\"sesmailer-unsafe-style\"", Attribute("style", Literal("background:url("), Code(new TrustedUrl("x);color:red")), Literal(")")));
    }

    [Fact]
    public void A_trusted_url_outside_an_attribute_is_encoded_text()
    {
        var output = new StringWriter();

        new TemplateWriter().Write(output, TemplateKind.Html, new TrustedUrl("https://acme.example/?a=1&b=<2>"));

        Assert.Equal("https://acme.example/?a=1&amp;b=&lt;2&gt;", output.ToString());
        Assert.Throws<ArgumentNullException>(() => new TrustedUrl((string)null!));
    }

    internal static string Attribute(string name, params Part[] parts) => Attribute(name, TemplateKind.Html, parts);

    internal static string Attribute(string name, TemplateKind kind, params Part[] parts)
    {
        var output = new StringWriter();
        var writer = new TemplateWriter();
        writer.BeginWriteAttribute(output, name, $" {name}=\"", "\"", parts.Length);
        foreach (var part in parts)
        {
            writer.WriteAttributeValue(output, kind, string.Empty, part.Value, part.IsLiteral);
        }

        writer.EndWriteAttribute(output);
        return output.ToString();
    }

    internal static Part Code(object? value) => new(value, IsLiteral: false);

    internal static Part Literal(string value) => new(value, IsLiteral: true);

    internal sealed record Part(object? Value, bool IsLiteral);
}
