using SesMailer.Rendering;
using SesMailer.Templates.Tests.Emails;
using SesMailer.Templates.Tests.Models;
using Xunit;

namespace SesMailer.Templates.Tests;

public class RenderingTests
{
    private static readonly ReceiptEmail Receipt = new(
        "R-42",
        new Customer("Zoë <script>", "O'Neil & Co"),
        [new LineItem("Widget <b>", 2, 1.5m), new LineItem("Gadget", 1, 10m)],
        new HtmlString("<em>Paid</em>"));

    [Fact]
    public async Task Subject_fills_member_paths_and_formats()
    {
        var rendered = await Receipt.RenderReceiptAsync();

        Assert.Equal("Receipt R-42 for Zoë <script>: 13.00 EUR", rendered.Subject);
    }

    [Fact]
    public async Task Html_encodes_model_values_but_not_raw_markup()
    {
        var html = (await Receipt.RenderReceiptAsync()).Html!;

        Assert.Contains("Hello Zo&#xEB; &lt;script&gt; (O&#x27;Neil &amp; Co),", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Widget &lt;b&gt;</td><td>2</td><td>3.00 EUR</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Gadget</td><td>1</td><td>10.00 EUR</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"note\"><em>Paid</em></div>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_is_wrapped_in_the_declared_layout_with_view_data_and_the_footer_section()
    {
        var html = (await Receipt.RenderReceiptAsync()).Html!;

        Assert.StartsWith("<!DOCTYPE html>", html.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>Receipt R-42</title>", html, StringComparison.Ordinal);
        Assert.Contains("aria-hidden=\"true\">Thanks for your order</div>", html, StringComparison.Ordinal);
        var main = html.IndexOf("<main>", StringComparison.Ordinal);
        var body = html.IndexOf("<h1>Receipt R-42</h1>", StringComparison.Ordinal);
        var footer = html.IndexOf("Acme Ltd &middot; 1 Main St", StringComparison.Ordinal);
        Assert.True(main >= 0 && body > main && footer > body, html);
        Assert.Contains("<a href=\"https://acme.example/unsubscribe?u=1&amp;l=2\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_is_not_encoded_and_uses_the_text_layout_and_partials()
    {
        var text = (await Receipt.RenderReceiptAsync()).Text!;

        Assert.Equal(
            "Receipt R-42 for Zoë <script>\n- Widget <b> x2 <3.00>\n- Gadget x1 <10.00>\n\n--\nAcme Ltd\n",
            text);
    }

    [Fact]
    public async Task Nested_layouts_switch_partials_await_raw_and_boolean_attributes()
    {
        var email = new PasswordResetEmail("Ann", new Uri("https://acme.example/reset?t=a&b=c"), ResetReason.Compromised, "<hr>");

        var rendered = await email.RenderPasswordResetAsync();
        var html = rendered.Html!;

        Assert.Null(rendered.Text);
        Assert.Contains("<div class=\"brand\"><span>Acme Security</span></div>", html, StringComparison.Ordinal);
        Assert.Contains("<p>We reset your password <strong>to protect you</strong>.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://acme.example/reset?t=a&amp;b=c\" target=\"_blank\"", html, StringComparison.Ordinal);
        Assert.Contains(">Choose a new password</a>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Links expire in 1 hour &amp; can be used once.</p>", html, StringComparison.Ordinal);
        Assert.Contains("\n<hr>\n", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"checkbox\" checked=\"checked\">", html, StringComparison.Ordinal);
        Assert.Contains("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("<main>", StringComparison.Ordinal) < html.IndexOf("class=\"brand\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_false_boolean_attribute_is_left_out()
    {
        var email = new PasswordResetEmail("Ann", new Uri("https://acme.example/r"), ResetReason.Forgotten, null);

        var html = (await email.RenderPasswordResetAsync()).Html!;

        Assert.Contains("<p>Forgot your password, Ann?</p>", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"checkbox\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_section_the_layout_never_renders_is_an_error_not_a_silent_loss()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new NoticeEmail("x").RenderNoticeAsync());

        Assert.Contains("defines section 'Footer' but its layout '_Plain' does not render it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inherits_gives_templates_a_custom_base_class()
    {
        var rendered = await new InvoiceEmail("I-7").RenderInvoiceAsync();

        Assert.Equal("<p>Acme &amp; Sons invoice I-7</p>\n", rendered.Html);
        Assert.Equal("Acme & Sons invoice I-7\n", rendered.Text);
    }

    [Fact]
    public async Task The_registry_lists_every_declared_email_and_renders_through_it()
    {
        var names = EmailRegistry.All.Select(e => e.Name).ToList();
        Assert.Equal(["Invoice", "Newsletter", "Notice", "PasswordReset", "Profile", "Receipt", "Statement", "Welcome"], names);

        var receipt = EmailRegistry.Find("Receipt")!;
        Assert.Equal(typeof(ReceiptEmail), receipt.ModelType);
        Assert.Equal("Emails/ReceiptEmail.cshtml", receipt.HtmlTemplatePath);
        Assert.Equal("Emails/ReceiptEmail.text.cshtml", receipt.TextTemplatePath);
        Assert.Equal("Receipt {Number} for {Customer.Name}: {Total:0.00} EUR", receipt.SubjectTemplate);
        Assert.Equal("billing", receipt.Category);
        Assert.Equal("Emails/Security/Reset.cshtml", EmailRegistry.Find("PasswordReset")!.HtmlTemplatePath);

        var rendered = await receipt.RenderAsync(Receipt);
        Assert.Equal("Receipt R-42 for Zoë <script>: 13.00 EUR", rendered.Subject);
        await Assert.ThrowsAsync<ArgumentException>(() => receipt.RenderAsync("not a receipt"));
    }
}
