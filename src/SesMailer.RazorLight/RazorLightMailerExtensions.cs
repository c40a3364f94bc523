using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using SesMailer.RazorLight;

namespace SesMailer.RazorLight;

/// <summary>
/// Sends emails rendered at run time: the counterpart of the generated <c>Send{Name}Async</c> for templates loaded by a
/// <see cref="RazorLightEmailEngine"/>. Render, then hand an <see cref="EmailMessage"/> to <see cref="IMailer.SendAsync"/>, the
/// one entry point generated code uses too.
/// </summary>
public static class RazorLightMailerExtensions
{
    // Reading an attribute is reflection; once per model type is enough.
    private static readonly ConcurrentDictionary<Type, Declaration> Declarations = new();

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
    /// say (recipients, sender, reply-to, tags, configuration set), in the options' culture (else the mailer's default,
    /// else the current one), which also chooses a localized template. The message's <see cref="EmailMessage.Email"/> is named after the template.
    /// When the model type has an <see cref="EmailAttribute"/>, its sender, reply-to, category and tags become that
    /// <see cref="EmailDeclaration"/>: the mailer uses them where neither the options nor the configuration
    /// for this template name set a value, ahead of the global configuration (the same order as a generated send).
    /// </summary>
    /// <param name="mailer">The mailer that composes and sends.</param>
    /// <param name="engine">The engine holding the templates.</param>
    /// <param name="templateName">The template's path without extension (<c>Welcome</c>).</param>
    /// <param name="model">The model.</param>
    /// <param name="options">Addressing and tags.</param>
    /// <param name="subject">
    /// The subject template; <see langword="null"/> takes the model type's <see cref="EmailAttribute.Subject"/>. One of the
    /// two must be given: an email is never sent without a subject.
    /// </param>
    /// <param name="cancellationToken">Cancels rendering and sending.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// There is no subject (neither <paramref name="subject"/> nor the model type's <see cref="EmailAttribute.Subject"/>), the
    /// subject is malformed, or the model type's <see cref="EmailAttribute"/> has a malformed address or tag; nothing is sent.
    /// </exception>
    /// <exception cref="EmailTemplateException">A template is missing, does not compile, or expects another model type; nothing is sent.</exception>
    public static async Task<SendResult> SendTemplateAsync<TModel>(this IMailer mailer, RazorLightEmailEngine engine, string templateName, TModel model, EmailOptions options, string? subject = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailer);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(model);
        var modelType = model.GetType();
        var declaration = Declarations.GetOrAdd(modelType, static type => Declaration.Of(type));

        // The generator refuses an [Email] without a subject at build time (SESM0108); run-time templates get the same rule.
        if (string.IsNullOrWhiteSpace(subject ?? declaration.Subject))
        {
            throw new ArgumentException(
                $"Template '{templateName}' has no subject: pass one (subject: \"Welcome, {{Name}}!\"), or declare [Email(Subject = \"…\")] on {modelType}.",
                nameof(subject));
        }

        // The same culture a generated send would use: the options', else the mailer's default, else the current one.
        var culture = options.Culture ?? mailer.DefaultCulture ?? CultureInfo.CurrentCulture;
        var rendered = await engine.RenderAsync(templateName, model, subject, culture, cancellationToken).ConfigureAwait(false);
        var email = new EmailDeclaration(templateName) { From = declaration.Defaults.From, ReplyTo = declaration.Defaults.ReplyTo, Tags = declaration.Defaults.Tags };
        return await mailer.SendAsync(new EmailMessage(rendered, options, email), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What a model type's <see cref="EmailAttribute"/> says about sending it, if it has one.</summary>
    /// <remarks>The defaults are parsed once per type (under the type's name); each send names them after its template.</remarks>
    private sealed record Declaration(string? Subject, EmailDeclaration Defaults)
    {
        public static Declaration Of(Type type)
        {
            var attribute = type.GetCustomAttribute<EmailAttribute>();
            return new Declaration(attribute?.Subject, EmailDeclaration.FromAttribute(type.Name, attribute));
        }
    }
}
