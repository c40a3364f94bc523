using System.Globalization;
using HandlebarsDotNet;
using SesMailer.Benchmarks.Emails;
using SesMailer.Rendering;

namespace SesMailer.Benchmarks.Peers;

/// <summary>
/// The same emails in Handlebars with Handlebars.Net (<c>Peers/Templates/Handlebars</c>), each template compiled once.
/// Partials are registered Handlebars partials (<c>{{> _Product}}</c>); the layout is a compiled template rendered after
/// the body with it as a triple-stash value, as Handlebars has no layouts of its own. Values are HTML-encoded by
/// <see cref="System.Text.Encodings.Web.HtmlEncoder.Default"/> (<see cref="HandlebarsHtmlEncoder"/>) instead of
/// Handlebars' own encoder, which writes apostrophes as <c>&amp;#39;</c> and leaves non-ASCII as it is: with the same
/// encoder, the output is the generated templates' character for character.
/// </summary>
public sealed class HandlebarsEmails
{
    private readonly HandlebarsTemplate<object, object> _layout;
    private readonly HandlebarsTemplate<object, object> _welcome;
    private readonly HandlebarsTemplate<object, object> _welcomeFooter;
    private readonly HandlebarsTemplate<object, object> _welcomeText;
    private readonly HandlebarsTemplate<object, object> _receipt;
    private readonly HandlebarsTemplate<object, object> _catalogue;
    private readonly HandlebarsTemplate<object, object> _welcomeSubject;
    private readonly HandlebarsTemplate<object, object> _receiptSubject;
    private readonly HandlebarsTemplate<object, object> _catalogueSubject;

    /// <summary>Compiles every template of <paramref name="folder"/> once; prices are written in <paramref name="culture"/>.</summary>
    public HandlebarsEmails(string folder, CultureInfo culture)
    {
        var html = Handlebars.Create(new HandlebarsConfiguration { TextEncoder = new HandlebarsHtmlEncoder() });
        var text = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
        string Read(string name) => File.ReadAllText(Path.Combine(folder, name));
        foreach (var partial in new[] { "_Button", "_Footer", "_Product" })
        {
            html.RegisterTemplate(partial, Read(partial + ".hbs"));
        }

        html.RegisterHelper("money", (writer, _, arguments) => writer.Write(((Money)arguments[0]!).ToString(null, culture)));
        html.RegisterHelper("number", (writer, _, arguments) => writer.Write(((decimal)arguments[0]!).ToString((string)arguments[1]!, CultureInfo.InvariantCulture)));
        html.RegisterHelper("date", (writer, _, arguments) => writer.Write(((DateOnly)arguments[0]!).ToString((string)arguments[1]!, CultureInfo.InvariantCulture)));

        _layout = html.Compile(Read("_Layout.hbs"));
        _welcome = html.Compile(Read("Welcome.hbs"));
        _welcomeFooter = html.Compile(Read("Welcome.footer.hbs"));
        _welcomeText = text.Compile(Read("Welcome.text.hbs"));
        _receipt = html.Compile(Read("Receipt.hbs"));
        _catalogue = html.Compile(Read("Catalogue.hbs"));
        _welcomeSubject = text.Compile("Welcome to {{Product}}, {{Name}}!");
        _receiptSubject = text.Compile("Your receipt {{OrderNumber}}");
        _catalogueSubject = text.Compile("{{Title}} at {{Shop}}");
    }

    /// <summary>The welcome email: subject, HTML through the layout, text.</summary>
    public RenderedEmail Welcome(WelcomeEmail email)
    {
        var footer = _welcomeFooter(new
        {
            email.Product,
            reason = $"You are getting this email because someone signed up for {email.Product} with this address.",
        });
        var html = _layout(new
        {
            title = "Welcome to " + email.Product,
            preheader = "One click to confirm your address.",
            body = _welcome(email),
            footer,
        });
        return new RenderedEmail(_welcomeSubject(email), html, _welcomeText(email));
    }

    /// <summary>The receipt (no text body).</summary>
    public RenderedEmail Receipt(ReceiptEmail email)
    {
        var html = _layout(new { title = "Receipt " + email.OrderNumber, preheader = (string?)null, body = _receipt(email), footer = (string?)null });
        return new RenderedEmail(_receiptSubject(email), html, null);
    }

    /// <summary>The catalogue (no text body), prices in the culture given to the constructor.</summary>
    public RenderedEmail Catalogue(CatalogueEmail email)
    {
        var html = _layout(new
        {
            title = email.Title,
            preheader = $"{email.Products.Count} products picked for you.",
            body = _catalogue(email),
            footer = (string?)null,
        });
        return new RenderedEmail(_catalogueSubject(email), html, null);
    }
}
