namespace SesMailer;

/// <summary>
/// A sample email with the options it is sent with, returned by an <see cref="EmailPreviewAttribute"/> member when the
/// preview needs more than the model: attachments, inline images, a culture, headers. Previews compose it through the
/// mailer exactly as <c>mailer.Send{Name}Async(Options, Email)</c> would.
/// </summary>
/// <typeparam name="TEmail">The <c>[Email]</c> type.</typeparam>
public sealed class EmailPreview<TEmail>
    where TEmail : class
{
    /// <summary>A preview of <paramref name="email"/> sent with <paramref name="options"/> (new, empty options when <see langword="null"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="email"/> is <see langword="null"/>.</exception>
    public EmailPreview(TEmail email, EmailOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(email);
        Email = email;
        Options = options ?? new EmailOptions();
    }

    /// <summary>The model.</summary>
    public TEmail Email { get; }

    /// <summary>The options of the send: recipients, attachments, inline images, culture, headers, tags.</summary>
    public EmailOptions Options { get; }
}
