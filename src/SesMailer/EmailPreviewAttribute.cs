namespace SesMailer;

/// <summary>
/// Marks a static method or property that returns a sample of an email for previews: the <c>[Email]</c> model itself,
/// or an <see cref="EmailPreview{TEmail}"/> that also carries the send's <see cref="EmailOptions"/> (attachments, inline
/// images, culture, headers), so that what is previewed is what a send of those options produces. The generator lists
/// each one with its email in <see cref="Rendering.EmailRegistry"/>; a member returning anything else is the build
/// error SESM0501.
/// </summary>
/// <example>
/// <code>
/// public static class WelcomePreviews
/// {
///     [EmailPreview("Long name")]
///     public static WelcomeEmail LongName() => new("Maximilian Alexander von Habsburg", "Acme", new Uri("https://acme.example/confirm"));
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class EmailPreviewAttribute : Attribute
{
    /// <summary>Marks a preview named <paramref name="name"/> (shown in the preview index, unique per email).</summary>
    public EmailPreviewAttribute(string name) => Name = name;

    /// <summary>The variant's name, for example <c>Long name</c>.</summary>
    public string Name { get; }
}
