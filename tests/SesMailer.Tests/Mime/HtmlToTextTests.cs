using SesMailer.Mime;

namespace SesMailer.Tests.Mime;

public class HtmlToTextTests
{
    [Fact]
    public void Links_keep_their_url_in_brackets()
    {
        Assert.Equal("Please confirm your address (https://acme.example/c?t=1).\n",
            HtmlToText.Convert("<p>Please <a href=\"https://acme.example/c?t=1\">confirm your address</a>.</p>"));
    }

    [Fact]
    public void A_link_whose_text_is_its_url_is_not_repeated_and_mailto_is_shown_plainly()
    {
        Assert.Equal("See https://acme.example or write to help@acme.example\n",
            HtmlToText.Convert("See <a href=\"https://acme.example\">https://acme.example</a> or write to <a href=\"mailto:help@acme.example\">help@acme.example</a>"));
    }

    [Fact]
    public void Headings_paragraphs_and_breaks_are_separated()
    {
        var text = HtmlToText.Convert("<html><head><title>t</title><style>p{color:red}</style></head><body><h1>Welcome, Ann</h1><p>First   line<br>second line</p><h2>Next</h2><p>End</p><script>alert(1)</script></body></html>");
        Assert.Equal("Welcome, Ann\n============\n\nFirst line\nsecond line\n\nNext\n----\n\nEnd\n", text);
    }

    [Fact]
    public void Lists_get_bullets_and_numbers()
    {
        var text = HtmlToText.Convert("<ul><li>Tea</li><li>Coffee <ul><li>Black</li></ul></li></ul><ol start=\"3\"><li>three</li><li>four</li></ol>");
        Assert.Equal("- Tea\n- Coffee\n  - Black\n\n3. three\n4. four\n", text);
    }

    [Fact]
    public void Tables_become_rows_of_cells()
    {
        var text = HtmlToText.Convert("<table><thead><tr><th>Item</th><th>Qty</th><th>Price</th></tr></thead><tbody><tr><td>Green tea</td><td>2</td><td>€ 6.00</td></tr><tr><td><b>Total</b></td><td></td><td>€ 6.00</td></tr></tbody></table>");
        Assert.Equal("Item | Qty | Price\nGreen tea | 2 | € 6.00\nTotal |  | € 6.00\n", text);
    }

    [Fact]
    public void A_layout_table_reads_as_blocks_and_the_data_table_inside_it_as_rows()
    {
        const string html = """
            <table role="presentation"><tr><td>
              <h1>Thank you, Ann</h1>
              <p>Your receipt.</p>
              <table><tr><th>Item</th><th>Amount</th></tr><tr><td>Tea</td><td>6,00 $US</td></tr></table>
              <p>We will write again.</p>
            </td></tr></table>
            <p>Acme Co.</p>
            """;

        Assert.Equal(
            "Thank you, Ann\n==============\n\nYour receipt.\n\nItem | Amount\nTea | 6,00 $US\n\nWe will write again.\n\nAcme Co.\n",
            HtmlToText.Convert(html));
    }

    [Fact]
    public void A_cell_holding_paragraphs_is_a_layout_cell_even_without_a_role()
    {
        var text = HtmlToText.Convert("<table><tr><td><p>First paragraph.</p><p>Second paragraph.</p></td><td><p>Side note.</p></td></tr></table>");
        Assert.Equal("First paragraph.\n\nSecond paragraph.\n\nSide note.\n", text);
    }

    [Fact]
    public void Images_show_their_alt_text_and_entities_are_decoded()
    {
        Assert.Equal("[Acme logo] Fish &amp; chips < 5 €\n", HtmlToText.Convert("<img src=\"cid:logo\" alt=\"Acme logo\"> Fish &amp;amp; chips &lt; 5&nbsp;&euro;"));
    }

    [Fact]
    public void Indented_template_output_reads_like_the_compact_form()
    {
        const string html = """
            <!DOCTYPE html>
            <html>
              <head>
                <meta charset="utf-8">
                <title>Receipt</title>
              </head>
              <body>
                <div class="container">
                  <h1>
                    Thanks, Ann!
                  </h1>
                  <p>
                    Your order
                    <strong>#42</strong>
                    is on its way.
                  </p>
                  <ul>
                    <li>
                      Green tea
                    </li>
                    <li>Mug</li>
                  </ul>
                  <table>
                    <tr>
                      <td>Total</td>
                      <td>€ 12.50</td>
                    </tr>
                  </table>
                  <p>
                    <a href="https://acme.example/orders/42">
                      View your order
                    </a>
                  </p>
                </div>
              </body>
            </html>
            """;

        Assert.Equal(
            "Thanks, Ann!\n============\n\nYour order #42 is on its way.\n\n- Green tea\n- Mug\n\nTotal | € 12.50\n\nView your order (https://acme.example/orders/42)\n",
            HtmlToText.Convert(html));
    }
}
