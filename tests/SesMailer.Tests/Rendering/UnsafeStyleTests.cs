using SesMailer.Rendering;
using static SesMailer.Tests.Rendering.UnsafeUrlTests;

namespace SesMailer.Tests.Rendering;

/// <summary>
/// A model value in a <c>style</c> attribute of an HTML template stays one CSS value: one that could end the
/// declaration, open a rule, a comment, a string, an escape or a <c>url(</c>/<c>expression(</c> makes the whole
/// attribute <c>sesmailer-unsafe-style</c>, a declaration CSS ignores.
/// </summary>
public class UnsafeStyleTests
{
    private const string Neutralised = " style=\"sesmailer-unsafe-style\"";

    [Theory]
    [InlineData("red;position:fixed")]
    [InlineData("red}body{display:none")]
    [InlineData("{")]
    [InlineData("red</style><script>")]
    [InlineData(">")]
    [InlineData("red\" onclick=\"alert(1)")]
    [InlineData("'x'")]
    [InlineData("\\3b")]
    [InlineData("red/*")]
    [InlineData("url(https://evil.example/track.gif)")]
    [InlineData("URL (https://evil.example/)")]
    [InlineData("expression(alert(1))")]
    [InlineData("ExPrEsSiOn\t(alert(1))")]
    public void A_model_value_that_could_break_out_of_its_declaration_replaces_the_style(string value)
    {
        Assert.Equal(Neutralised, Attribute("style", Literal("margin:0;color:"), Code(value), Literal(";")));
        Assert.Equal(Neutralised, Attribute("STYLE", Code(value)).Replace("STYLE", "style", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("#1a56db")]
    [InlineData("red")]
    [InlineData("rgb(26, 86, 219)")]
    [InlineData("12px 24px")]
    [InlineData("Helvetica, Arial, sans-serif")]
    [InlineData("100%")]
    public void Plain_css_values_are_written_encoded_between_the_templates_own_css(string value)
    {
        var encoded = System.Text.Encodings.Web.HtmlEncoder.Default.Encode(value);

        Assert.Equal(" style=\"margin:0;color:" + encoded + ";\"", Attribute("style", Literal("margin:0;color:"), Code(value), Literal(";")));
    }

    [Fact]
    public void The_templates_own_css_and_raw_markup_are_not_checked()
    {
        Assert.Equal(" style=\"background:url('x.png');color:red\"", Attribute("style", Literal("background:url('x.png');color:"), Code("red")));
        Assert.Equal(" style=\"a:b;c:d\"", Attribute("style", Code(new HtmlString("a:b;c:d"))));
    }

    [Fact]
    public void Text_templates_and_other_attributes_are_not_style_checked()
    {
        Assert.Equal(" style=\"a;b\"", Attribute("style", TemplateKind.Text, Code("a;b")));
        Assert.Equal(" class=\"a;b\"", Attribute("class", Code("a;b")));
    }
}
