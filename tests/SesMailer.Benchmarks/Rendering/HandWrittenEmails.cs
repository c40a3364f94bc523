using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using SesMailer.Benchmarks.Emails;
using SesMailer.Rendering;

namespace SesMailer.Benchmarks.Rendering;

/// <summary>
/// The baseline of the rendering benchmarks: the very same subject, HTML and text as the generated templates
/// (the shipped layout, button and footer included), written by hand with a <see cref="StringBuilder"/> and the
/// same HTML encoder. <see cref="RenderingCheck"/> proves the outputs are identical before anything is measured.
/// </summary>
public static class HandWrittenEmails
{
    // Everything of _Layout.cshtml up to the <title> text.
    private const string LayoutHead = """
        <!DOCTYPE html>
        <html lang="en" xmlns="http://www.w3.org/1999/xhtml">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="x-apple-disable-message-reformatting">
        <meta name="color-scheme" content="light dark">
        <meta name="supported-color-schemes" content="light dark">
        <title>
        """;

    private const string LayoutStyle = """
        </title>
        <style>
          body { margin: 0; padding: 0; width: 100%; background-color: #f4f5f7; }
          .sm-container { width: 100%; max-width: 600px; }
          .sm-content { padding: 32px; }
          .sm-content main > :first-child { margin-top: 0; }
          .sm-content h1 { font-size: 24px; line-height: 1.25; }
          @media (max-width: 620px) {
            .sm-content { padding: 20px !important; }
          }
          @media (prefers-color-scheme: dark) {
            body, .sm-outer { background-color: #111827 !important; }
            .sm-card { background-color: #1f2937 !important; color: #f3f4f6 !important; }
          }
        </style>
        </head>
        <body style="margin:0;padding:0;background-color:#f4f5f7;">

        """;

    private const string LayoutOpenContent = """
        <table role="presentation" class="sm-outer" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f5f7;">
        <tr>
        <td align="center" style="padding:24px 12px;">
        <table role="presentation" class="sm-container" width="600" cellpadding="0" cellspacing="0" border="0">
        <tr>
        <td class="sm-content sm-card" style="background-color:#ffffff;border-radius:8px;padding:32px;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1f2937;">
        <main>

        """;

    private const string LayoutCloseContent = """

        </main>
        </td>
        </tr>

        """;

    private const string LayoutTail = """
        </table>
        </td>
        </tr>
        </table>
        </body>
        </html>

        """;

    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>The welcome email, by hand.</summary>
    public static RenderedEmail Welcome(WelcomeEmail email)
    {
        var product = Html.Encode(email.Product);
        var url = Html.Encode(email.ConfirmUrl.ToString());
        var html = new StringBuilder(4096)
            .Append(LayoutHead).Append("Welcome to ").Append(product).Append(LayoutStyle)
            .Append("<div style=\"display:none;max-height:0;overflow:hidden;mso-hide:all;\" aria-hidden=\"true\">One click to confirm your address.</div>\n")
            .Append(LayoutOpenContent)
            .Append("<h1>Welcome to ").Append(product).Append(", ").Append(Html.Encode(email.Name)).Append("!</h1>\n")
            .Append("<p>We are glad you are here. One last step: confirm that this address is yours.</p>\n")
            .Append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"margin:24px 0;\">\n<tr>\n")
            .Append("<td align=\"center\" bgcolor=\"#1a56db\" style=\"border-radius:6px;background-color:#1a56db;\">\n")
            .Append("<a href=\"").Append(url)
            .Append("\" target=\"_blank\" style=\"display:inline-block;padding:12px 24px;font-family:Helvetica,Arial,sans-serif;font-size:16px;font-weight:bold;line-height:1.25;color:#ffffff;text-decoration:none;border-radius:6px;\">Confirm your address</a>\n")
            .Append("</td>\n</tr>\n</table>\n\n")
            .Append("<p>If you did not sign up, ignore this email and nothing will happen.</p>\n")
            .Append(LayoutCloseContent)
            .Append("<tr><td style=\"padding:16px 8px;font-family:Helvetica,Arial,sans-serif;font-size:13px;line-height:1.5;color:#4b5563;\">\n")
            .Append("    <p style=\"margin:0 0 8px 0;\">").Append(product).Append("</p>\n")
            .Append("<p style=\"margin:0 0 8px 0;\">").Append(Html.Encode($"You are getting this email because someone signed up for {email.Product} with this address.")).Append("</p>\n")
            .Append("\n</td></tr>\n")
            .Append(LayoutTail)
            .ToString();
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"Welcome to {email.Product}, {email.Name}!\n\nWe are glad you are here. One last step: confirm that this address is yours:\n{email.ConfirmUrl}\n\nIf you did not sign up, ignore this email and nothing will happen.\n");
        return new RenderedEmail($"Welcome to {email.Product}, {email.Name}!", html, text);
    }

    /// <summary>The receipt email, by hand (no text body, like the declared email).</summary>
    public static RenderedEmail Receipt(ReceiptEmail email)
    {
        var order = Html.Encode(email.OrderNumber);
        var html = new StringBuilder(4096)
            .Append(LayoutHead).Append("Receipt ").Append(order).Append(LayoutStyle)
            .Append(LayoutOpenContent)
            .Append("<h1>Thank you for your order, ").Append(Html.Encode(email.Name)).Append("</h1>\n")
            .Append("<p>Order ").Append(order).Append(", placed on ")
            .Append(Html.Encode(email.OrderedOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture))).Append(".</p>\n")
            .Append("<table role=\"presentation\">\n    <thead>\n        <tr><th>Item</th><th>Qty</th><th>Unit price</th><th>Total</th></tr>\n    </thead>\n    <tbody>\n");
        foreach (var item in email.Items)
        {
            html.Append("        <tr>\n            <td>").Append(Html.Encode(item.Description))
                .Append("</td>\n            <td>").Append(item.Quantity.ToString(CultureInfo.InvariantCulture))
                .Append("</td>\n            <td>").Append(item.UnitPrice.ToString("0.00", CultureInfo.InvariantCulture))
                .Append("</td>\n            <td>").Append(item.Total.ToString("0.00", CultureInfo.InvariantCulture))
                .Append("</td>\n        </tr>\n");
        }

        html.Append("    </tbody>\n    <tfoot>\n        <tr><td colspan=\"3\">Total</td><td>")
            .Append(email.Total.ToString("0.00", CultureInfo.InvariantCulture))
            .Append("</td></tr>\n    </tfoot>\n</table>\n")
            .Append(LayoutCloseContent)
            .Append(LayoutTail);
        return new RenderedEmail($"Your receipt {email.OrderNumber}", html.ToString(), null);
    }

    /// <summary>The catalogue email, by hand, in <paramref name="culture"/> (no text body, like the declared email).</summary>
    public static RenderedEmail Catalogue(CatalogueEmail email, CultureInfo culture)
    {
        var title = Html.Encode(email.Title);
        var count = email.Products.Count.ToString(culture);
        var html = new StringBuilder(4096)
            .Append(LayoutHead).Append(title).Append(LayoutStyle)
            .Append("<div style=\"display:none;max-height:0;overflow:hidden;mso-hide:all;\" aria-hidden=\"true\">")
            .Append(Html.Encode(count + " products picked for you.")).Append("</div>\n")
            .Append(LayoutOpenContent)
            .Append("<h1>").Append(title).Append("</h1>\n")
            .Append("<p>").Append(count).Append(" products from ").Append(Html.Encode(email.Shop)).Append(", picked for you.</p>\n")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\">\n");
        foreach (var product in email.Products)
        {
            html.Append("<tr>\n<td style=\"padding:8px 0;\"><a href=\"").Append(Html.Encode(product.Url.ToString()))
                .Append("\" style=\"color:#1a56db;\">").Append(Html.Encode(product.Name)).Append("</a>");
            if (product.IsNew)
            {
                html.Append("<span class=\"badge\" style=\"background-color:#def7ec;color:#03543f;\">New</span>");
            }

            if (product.WasPrice is not null)
            {
                html.Append("<span class=\"badge\" style=\"background-color:#fde8e8;color:#9b1c1c;\">Sale</span>");
            }

            if (!product.InStock)
            {
                html.Append("<span class=\"badge\" style=\"background-color:#f3f4f6;color:#4b5563;\">Sold out</span>");
            }

            html.Append("</td>\n<td style=\"padding:8px 0;color:#6b7280;\">").Append(Html.Encode(product.Sku))
                .Append("</td>\n<td style=\"padding:8px 0;text-align:right;\">");
            if (product.WasPrice is { } was)
            {
                html.Append("<s>").Append(Html.Encode(was.ToString(null, culture))).Append("</s> ");
            }

            html.Append("<strong>").Append(Html.Encode(product.Price.ToString(null, culture))).Append("</strong></td>\n</tr>\n");
        }

        html.Append("</table>\n")
            .Append(LayoutCloseContent)
            .Append(LayoutTail);
        return new RenderedEmail(string.Create(culture, $"{email.Title} at {email.Shop}"), html.ToString(), null);
    }
}
