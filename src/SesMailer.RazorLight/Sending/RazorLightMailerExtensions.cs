using SesMailer.RazorLight;

namespace SesMailer;

/// <summary>
/// Sends emails rendered at run time: the counterpart of the generated <c>Send{Name}Async</c> for templates loaded by a
/// <see cref="RazorLightEmailEngine"/>. Render, then <see cref="EmailMessage.FromRendered"/>, then <see cref="IMailer.SendAsync"/>.
/// </summary>
public static class RazorLightMailerExtensions
{
    /// <summary>Renders template <paramref name="templateName"/> with <paramref name="model"/> and sends it to <paramref name="to"/>.</summary>
    /// <inheritdoc cref="SendTemplateAsync{TModel}(IMailer, RazorLightEmailEngine, string, TModel, EmailOptions, string?, CancellationToken)"/>
    public static Task<SendResult> SendTemplateAsync<TModel>(this IMailer mailer, RazorLightEmailEngine engine, string templateName, TModel model, string to, string? subject = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(to);
        var options = new EmailOptions();
        options.To.Add(to);
        return SendTemplateAsync(mailer, engine, templateName, model, options, subject, cancellationToken);
    }

    /// <summary>
    /// Renders template <paramref name="templateName"/> with <paramref name="model"/> and sends it as <paramref name="options"/>
    /// say (recipients, sender, reply-to, tags, configuration set). The message's <see cref="EmailMessage.EmailName"/> is the template name.
    /// </summary>
    /// <param name="mailer">The mailer that composes and sends.</param>
    /// <param name="engine">The engine holding the templates.</param>
    /// <param name="templateName">The template's path without extension (<c>Welcome</c>).</param>
    /// <param name="model">The model.</param>
    /// <param name="options">Addressing and tags.</param>
    /// <param name="subject">The subject template; <see langword="null"/> takes the model type's <see cref="EmailAttribute.Subject"/>.</param>
    /// <param name="cancellationToken">Cancels rendering and sending.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="EmailTemplateException">A template is missing, does not compile, or expects another model type; nothing is sent.</exception>
    public static async Task<SendResult> SendTemplateAsync<TModel>(this IMailer mailer, RazorLightEmailEngine engine, string templateName, TModel model, EmailOptions options, string? subject = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailer);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(options);
        var rendered = await engine.RenderAsync(templateName, model, subject, cancellationToken).ConfigureAwait(false);
        var message = EmailMessage.FromRendered(rendered, options);
        message.EmailName = templateName;
        return await mailer.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }
}
