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
    /// filled from the model; <c>{{</c> and <c>}}</c> stand for literal braces.
    /// </summary>
    public string? Subject { get; set; }
}
