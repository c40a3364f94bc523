namespace SesMailer.Rendering;

/// <summary>One sample of an email, made by an <see cref="EmailPreviewDescriptor"/>: the model and the options it is sent with.</summary>
public sealed class EmailSample
{
    /// <summary>A sample of <paramref name="email"/> sent with <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public EmailSample(object email, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(options);
        Email = email;
        Options = options;
    }

    /// <summary>The <c>[Email]</c> model.</summary>
    public object Email { get; }

    /// <summary>The send's options (empty when the preview returned only a model).</summary>
    public EmailOptions Options { get; }
}
