using SesMailer.Rendering;

namespace SesMailer.Tests.Rendering;

/// <summary>The writing rules both template engines share (generated and RazorLight), tested on their own.</summary>
public class TemplateWriterTests
{
    [Fact]
    public void Values_are_encoded_in_html_only_and_HtmlString_is_trusted()
    {
        var html = new StringWriter();
        var text = new StringWriter();
        var writer = new TemplateWriter();

        writer.Write(html, TemplateKind.Html, "<b>&");
        writer.Write(html, TemplateKind.Html, new HtmlString("<i>"));
        writer.Write(html, TemplateKind.Html, null);
        writer.Write(text, TemplateKind.Text, "<b>&");

        Assert.Equal("&lt;b&gt;&amp;<i>", html.ToString());
        Assert.Equal("<b>&", text.ToString());
    }

    [Theory]
    [InlineData(null, "<input>")]
    [InlineData(false, "<input>")]
    [InlineData(true, "<input checked=\"checked\">")]
    [InlineData("a\"b", "<input checked=\"a&quot;b\">")]
    public void A_single_valued_attribute_follows_aspnet_core(object? value, string expected)
    {
        var output = new StringWriter();
        var writer = new TemplateWriter();

        output.Write("<input");
        writer.BeginWriteAttribute(output, "checked", " checked=\"", "\"", 1);
        writer.WriteAttributeValue(output, TemplateKind.Html, string.Empty, value, isLiteral: false);
        writer.EndWriteAttribute(output);
        output.Write(">");

        Assert.Equal(expected, output.ToString());
    }

    [Fact]
    public void A_multi_part_attribute_writes_literals_as_they_are_and_encodes_expressions()
    {
        var output = new StringWriter();
        var writer = new TemplateWriter();

        writer.BeginWriteAttribute(output, "class", " class=\"", "\"", 2);
        writer.WriteAttributeValue(output, TemplateKind.Html, string.Empty, "btn", isLiteral: true);
        writer.WriteAttributeValue(output, TemplateKind.Html, " ", "<x>", isLiteral: false);
        writer.EndWriteAttribute(output);

        Assert.Equal(" class=\"btn &lt;x&gt;\"", output.ToString());
    }

    [Fact]
    public void A_derived_writer_can_trust_another_engines_markup()
    {
        var output = new StringWriter();

        new TrustingWriter().Write(output, TemplateKind.Html, new Markup("<hr>"));

        Assert.Equal("<hr>", output.ToString());
    }

    [Fact]
    public async Task Capture_returns_what_a_section_wrote_and_restores_the_output_even_when_it_fails()
    {
        TextWriter output = new StringWriter();
        var original = output;
        TextWriter Redirect(TextWriter next)
        {
            var previous = output;
            output = next;
            return previous;
        }

        var captured = await TemplateWriter.CaptureAsync(() => output.WriteAsync("<p>section</p>"), Redirect);
        await Assert.ThrowsAsync<InvalidOperationException>(() => TemplateWriter.CaptureAsync(() => throw new InvalidOperationException(), Redirect));

        Assert.Equal("<p>section</p>", captured.Value);
        Assert.Same(original, output);
        Assert.Equal(string.Empty, original.ToString());
    }

    private sealed record Markup(string Value);

    private sealed class TrustingWriter : TemplateWriter
    {
        protected override bool TryWriteTrusted(TextWriter output, object value)
        {
            if (value is not Markup markup)
            {
                return false;
            }

            output.Write(markup.Value);
            return true;
        }
    }
}
