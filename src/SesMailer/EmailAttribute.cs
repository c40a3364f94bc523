namespace SesMailer;

/// <summary>
/// Declares a type as an email. The source generator finds its Razor templates by convention
/// (<c>{TypeName}.cshtml</c> for the HTML body, <c>{TypeName}.text.cshtml</c> for the text body)
/// and writes a typed <c>Send{Name}Async</c> extension method on <see cref="IMailer"/>.
/// </summary>
/// <example>
/// <code>
/// [Email(Subject = "Welcome, {Name}!")]
/// public sealed partial record WelcomeEmail(string Name, Uri ConfirmUrl);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class EmailAttribute : Attribute
{
    /// <summary>
    /// The subject line. <c>{Member}</c>, <c>{Member.Path}</c> and <c>{Member:format}</c> placeholders are
    /// filled from the model; <c>{{</c> and <c>}}</c> stand for literal braces. Required: a missing or blank subject is the
    /// build error SESM0108. With <see cref="SubjectResource"/> set, this is the key of the subject in that resource
    /// (<c>nameof(EmailStrings.WelcomeSubject)</c>) instead of the subject itself.
    /// </summary>
    public string? Subject { get; set; }

    /// <summary>
    /// The strongly typed class of a <c>.resx</c> (the one the SDK or Visual Studio generates, with a static
    /// <c>ResourceManager</c> property) that holds the subject under the key <see cref="Subject"/>. The subject is then
    /// looked up in the send's culture (falling back to the parent cultures, then the neutral string, as .NET resources
    /// do) and its placeholders are filled from the model, formatted in that culture. At build time the neutral
    /// string's placeholders are checked against the model (SESM0101, SESM0102); a key missing from the neutral
    /// <c>.resx</c> is SESM0303, a class that is not a resource class of the project is SESM0304.
    /// </summary>
    /// <example>
    /// <code>
    /// [Email(SubjectResource = typeof(EmailStrings), Subject = nameof(EmailStrings.WelcomeSubject))]
    /// public sealed partial record WelcomeEmail(string Name);
    /// </code>
    /// </example>
    public Type? SubjectResource { get; set; }

    /// <summary>
    /// The default sender, <c>name@example.com</c> or <c>Display Name &lt;name@example.com&gt;</c>, checked at build time.
    /// Used when neither the send's options nor the configuration for this email (<c>SesMailer:Emails:{Name}:From</c>) set one;
    /// it overrides the global <c>SesMailer:From</c>.
    /// </summary>
    public string? From { get; set; }

    /// <summary>The default Reply-To address (same forms as <see cref="From"/>), ranked like <see cref="From"/>.</summary>
    public string? ReplyTo { get; set; }

    /// <summary>
    /// The template's path relative to the project (<c>Emails/Welcome</c> or <c>Emails/Welcome.cshtml</c>) instead of the
    /// convention; the text template is the same path ending in <c>.text.cshtml</c>.
    /// </summary>
    public string? Template { get; set; }

    /// <summary>The layout (file name without extension, for example <c>_Layout</c>) used unless the template sets <c>Layout</c> itself.</summary>
    public string? Layout { get; set; }

    /// <summary>A category for previews and reporting, sent as the SES message tag <c>category</c> unless the send or the configuration for this email sets it.</summary>
    public string? Category { get; set; }

    /// <summary>Default SES message tags written <c>name=value</c> (<c>[A-Za-z0-9_-]</c>, at most 256 characters each), added unless the send or the configuration for this email sets a tag of the same name.</summary>
    public string[]? Tags { get; set; }
}
