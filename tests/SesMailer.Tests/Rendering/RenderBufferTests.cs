using System.Text;
using System.Text.Encodings.Web;
using SesMailer.Rendering;

namespace SesMailer.Tests.Rendering;

/// <summary>A layout's body placed into the layout's buffer by reference reads back exactly as if it had been copied.</summary>
public class RenderBufferTests
{
    [Fact]
    public void Placed_bodies_of_nested_layouts_read_back_in_place()
    {
        var body = RenderBuffer.Rent();
        var inner = RenderBuffer.Rent();
        var outer = RenderBuffer.Rent();
        try
        {
            body.Write("<p>body</p>");
            inner.Owned = body;
            inner.Write("<main>");
            inner.Place(body);
            inner.Write("</main>");
            outer.Owned = inner;
            outer.Write("<html>");
            outer.Place(inner);
            outer.Place(inner);
            outer.Write("</html>");

            const string Expected = "<html><main><p>body</p></main><main><p>body</p></main></html>";
            Assert.Equal(Expected, outer.ToString());
            Assert.Equal(Expected.Length, outer.TotalLength);
            var written = new StringWriter();
            outer.WriteTo(written);
            Assert.Equal(Expected, written.ToString());
            Assert.Throws<InvalidOperationException>(() => outer.Written.Length);
        }
        finally
        {
            RenderBuffer.Return(outer);
        }
    }

    [Fact]
    public void Truncating_drops_the_bodies_placed_after_the_cut()
    {
        var body = RenderBuffer.Rent();
        var layout = RenderBuffer.Rent();
        try
        {
            body.Write("body");
            layout.Owned = body;
            layout.Write("a");
            layout.Place(body);
            var start = layout.Length;
            layout.Write("b");
            layout.Place(body);
            layout.Write("c");

            layout.Truncate(start);

            Assert.Equal("abody", layout.ToString());
            Assert.Equal(5, layout.TotalLength);
        }
        finally
        {
            RenderBuffer.Return(layout);
        }
    }

    [Theory]
    [InlineData("49.90")]
    [InlineData("Ann O'Neil & Co")]
    [InlineData("Item 1 <deluxe & co>")]
    [InlineData("café crème, naïve")]
    [InlineData("3\u202F703,50\u00A0€")]
    [InlineData("emoji \U0001F600 and more")]
    [InlineData("tab\tnew line\nnull\0 `back` +plus= \"quoted\"")]
    [InlineData("")]
    public void Html_encoding_into_the_buffer_writes_what_the_encoder_writes(string value)
    {
        var buffer = RenderBuffer.Rent();
        try
        {
            buffer.Write("x");
            buffer.WriteHtmlEncoded(value);
            Assert.Equal("x" + HtmlEncoder.Default.Encode(value), buffer.ToString());
        }
        finally
        {
            RenderBuffer.Return(buffer);
        }
    }

    [Fact]
    public void Every_character_and_a_value_longer_than_the_buffer_encode_as_the_encoder_encodes_them()
    {
        var characters = new StringBuilder();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            characters.Append((char)c);
        }

        var all = characters.ToString() + new string('a', 5000) + "<&>";
        var buffer = RenderBuffer.Rent();
        try
        {
            buffer.WriteHtmlEncoded(all);
            Assert.Equal(HtmlEncoder.Default.Encode(all), buffer.ToString());
        }
        finally
        {
            RenderBuffer.Return(buffer);
        }
    }
}
