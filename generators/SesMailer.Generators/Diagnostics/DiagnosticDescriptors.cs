using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SesMailer.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the generator and its analyzer report. Ids are stable and grouped by area:
/// SESM00xx templates, SESM01xx the declaration (subject, addresses, tags, names), SESM02xx Razor,
/// SESM03xx resources, SESM04xx static markup, SESM05xx previews.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string TemplatesCategory = "SesMailer.Templates";
    private const string DeclarationCategory = "SesMailer.Declaration";
    private const string RazorCategory = "SesMailer.Razor";
    private const string ResourcesCategory = "SesMailer.Resources";
    private const string MarkupCategory = "SesMailer.Markup";
    private const string PreviewsCategory = "SesMailer.Previews";
    private const string HelpRoot = "https://github.com/sesmailer/sesmailer/blob/main/generators/DIAGNOSTICS.md#";

    public static readonly DiagnosticDescriptor TemplateNotFound = Create(
        "SESM0001", "Email template not found", TemplatesCategory,
        "No template found for email '{0}': add '{1}' (HTML) or '{2}' (text) to the project, or set Template on [Email] to the template's path",
        "Each [Email] type needs an HTML or a text template, found by its file name anywhere in the project or by the Template property.");

    public static readonly DiagnosticDescriptor AmbiguousTemplate = Create(
        "SESM0002", "Ambiguous email template", TemplatesCategory,
        "Email '{0}' matches more than one template: {1}; rename one, or set Template on [Email] to the path of the one to use",
        "Templates are found by file name; two files with that name in different folders cannot be told apart.");

    public static readonly DiagnosticDescriptor ModelTypeMismatch = Create(
        "SESM0003", "@model differs from the email type", TemplatesCategory,
        "Template '{0}' declares '@model {1}' but belongs to email type '{2}'; write '@model {2}' or remove the @model line",
        "An email template renders the [Email] type that claims it; its @model must name that type.");

    public static readonly DiagnosticDescriptor LayoutNotFound = Create(
        "SESM0004", "Layout not found", TemplatesCategory,
        "Layout '{0}' not found: add '{0}{1}' to the project or correct the name",
        "A layout is found by file name among the project's templates and the templates shipped with SesMailer.");

    public static readonly DiagnosticDescriptor PartialNotFound = Create(
        "SESM0005", "Partial not found", TemplatesCategory,
        "Partial '{0}' not found: add '{0}{1}' to the project or correct the name",
        "A partial is found by file name among the project's templates and the templates shipped with SesMailer.");

    public static readonly DiagnosticDescriptor PartialModelMismatch = Create(
        "SESM0006", "Partial model type mismatch", TemplatesCategory,
        "Partial '{0}' renders '@model {1}' but is given a new '{2}'; pass a {1}",
        "A partial declares its model with @model; the model passed to Partial(...) must be of that type.");

    // A warning, not an error: a model member can hold markup the application itself produced. Reported by
    // RawModelValueAnalyzer on the generated code, so #pragma in the template, NoWarn and severity settings apply.
    public static readonly DiagnosticDescriptor RawModelValue = Create(
        "SESM0007", "Model value written with Raw", TemplatesCategory,
        "Template passes a model value to {0}(…), which writes it without HTML encoding: markup in it reaches the email as it is; write it encoded (@Model.X), make the member an HtmlString where the application built the markup, or suppress SESM0007 where the value is known to be safe",
        "Html.Raw and Raw write their argument as markup. A model value often comes from a user (a name, a comment); passed to Raw it can inject links, forms or hidden text into the email. Model members that hold trusted markup can be declared as HtmlString, which templates write as it is without Raw.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor LocalizedTemplateWithoutNeutral = Create(
        "SESM0008", "Localized template has no neutral template", TemplatesCategory,
        "Localized template '{0}' of email '{1}' has no neutral template to fall back to: add '{2}', or remove the localized one",
        "A send in a culture without its own template falls back to the neutral one (fr-CA, then fr, then neutral), so every localized template needs its neutral template of the same kind.");

    public static readonly DiagnosticDescriptor LocalizedTemplateWithoutEmail = Create(
        "SESM0009", "Localized template belongs to no email", TemplatesCategory,
        "Template '{0}' is named like a localized template, but there is no email '{1}' to use it: rename it after an email's template (WelcomeEmail.fr.cshtml), or prefix it with '_' if it is a partial or layout",
        "A localized template is used only by the email whose template it translates; one whose name matches no email (a typo, a renamed email) would never be sent.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SubjectPlaceholderNotFound = Create(
        "SESM0101", "Subject placeholder names no member", DeclarationCategory,
        "Subject placeholder '{{{0}}}' names no readable member of '{1}': '{2}' does not exist; use a property or field name (or write '{{{{' for a literal brace)",
        "Placeholders in Subject are filled from the model's properties and fields, for example {Name} or {Order.Total:C}.");

    public static readonly DiagnosticDescriptor SubjectSyntax = Create(
        "SESM0102", "Invalid subject template", DeclarationCategory,
        "Subject template is not valid: {0}",
        "Subject placeholders are written {Member}, {Member.Path} or {Member:format}; literal braces are doubled.");

    public static readonly DiagnosticDescriptor InvalidAddress = Create(
        "SESM0103", "Invalid static address", DeclarationCategory,
        "[Email] {0}: {1} Write 'name@example.com' or 'Display Name <name@example.com>'.",
        "Static sender and reply-to addresses are checked at build time with the rules the mailer applies at send: a dot-atom ASCII local part (SES has no SMTPUTF8), a fully qualified domain, no line breaks or control characters.");

    public static readonly DiagnosticDescriptor InvalidTag = Create(
        "SESM0104", "Invalid message tag", DeclarationCategory,
        "[Email] tag '{0}': {1}",
        "SES message tags are written 'name=value'; names and values use only A-Z, a-z, 0-9, '_' and '-', at most 256 characters.");

    public static readonly DiagnosticDescriptor DuplicateEmailName = Create(
        "SESM0105", "Two emails generate the same method", DeclarationCategory,
        "Emails '{0}' and '{1}' would both generate 'Send{2}Async'; rename one of the types",
        "The generated method name is the type name without its 'Email' suffix, so it must be unique in the assembly.");

    public static readonly DiagnosticDescriptor TypeNotAccessible = Create(
        "SESM0106", "Email type is not accessible", DeclarationCategory,
        "Email type '{0}' must be public or internal (and so must every type containing it) for generated code to use it",
        "Generated send and render methods live outside the type: a private, protected or file-local type cannot be reached.");

    public static readonly DiagnosticDescriptor GenericType = Create(
        "SESM0107", "Email type is generic", DeclarationCategory,
        "Email type '{0}' is generic; declare a non-generic type for each email",
        "One email is one concrete model type, so that its method and templates can be generated.");

    public static readonly DiagnosticDescriptor MissingSubject = Create(
        "SESM0108", "Email has no subject", DeclarationCategory,
        "Email '{0}' has no subject: set Subject on [Email], for example [Email(Subject = \"Welcome, {{Name}}!\")]",
        "Every email needs a subject line; an email sent with an empty subject looks like spam and is hard to find. Placeholders such as {Name} are filled from the model.");

    public static readonly DiagnosticDescriptor RazorError = Create(
        "SESM0201", "Razor syntax error", RazorCategory,
        "Razor: {0} ({1})",
        "The template could not be parsed by Razor; the message says what was expected.");

    public static readonly DiagnosticDescriptor ResourceStringMissing = Create(
        "SESM0301", "Localized resource string missing", ResourcesCategory,
        "'{0}' has no string '{1}': in {2} the neutral string is used; add a <data name=\"{1}\"> with its translation",
        "Every string of a neutral .resx should be translated in each of its culture files; a missing one falls back to the neutral language at run time.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ResourcePlaceholdersDiffer = Create(
        "SESM0302", "Translation placeholders differ from the neutral string", ResourcesCategory,
        "Translation of '{0}' in '{1}': {2}; the neutral string has {3}",
        "A translation must use the same {Placeholder}s as the neutral string (their formats may differ), or the values it is formatted with would be missing or unknown.");

    public static readonly DiagnosticDescriptor SubjectResourceKeyNotFound = Create(
        "SESM0303", "Subject resource key not found", ResourcesCategory,
        "Subject resource '{0}' is not in '{1}', the neutral .resx of '{2}': add a <data name=\"{0}\"> with the subject, or set Subject to one of its keys",
        "With SubjectResource, Subject is the key of the subject in that resource; the neutral .resx must hold it, since every culture falls back to it.");

    public static readonly DiagnosticDescriptor SubjectResourceUnknown = Create(
        "SESM0304", "Subject resource is not a resource class", ResourcesCategory,
        "SubjectResource '{0}' is not a resource class of this project: {1}; name the strongly typed class of an embedded .resx",
        "SubjectResource names the class generated for a .resx (the SDK's StronglyTypedClassName or Visual Studio's designer class), whose static ResourceManager the generated code looks the subject up with, and whose neutral .resx the build checks.");
    // SESM04xx: the compatibility report's rules on a template's static markup (src/MarkupRules), warnings a project can
    // turn off with NoWarn or a severity setting; values that C# writes are judged by the report once rendered.
    public static readonly DiagnosticDescriptor UnsafeLink = Create(
        "SESM0401", "Link with an unsafe scheme", MarkupCategory,
        "Link '{0}' has the unsafe scheme '{1}:'; mail clients block it and it could run script or read local files: link to an https: page",
        "javascript:, vbscript:, data: and file: links in an email are an attack vector, and clients strip or block them.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor HttpLink = Create(
        "SESM0402", "Plain http: link", MarkupCategory,
        "Link '{0}' uses plain http:; use https:",
        "A plain http: link can be read and changed on the way, and some clients flag it.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor LinkWithoutScheme = Create(
        "SESM0403", "Link without a scheme", MarkupCategory,
        "Link '{0}' has no scheme, so it goes nowhere from a mail client; write an absolute URL (https://…)",
        "An email has no page to be relative to: /account, a bare host or an empty href is a broken link for every recipient.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ImageWithoutAlt = Create(
        "SESM0404", "Image without alt text", MarkupCategory,
        "<img> has no alt attribute: describe the image, or write alt=\"\" if it is decorative",
        "Screen readers read out an image's file name when it has no alt, and with images off (the default in many clients) nothing explains it.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ImageWithoutDimensions = Create(
        "SESM0405", "Image without width and height", MarkupCategory,
        "<img> lacks {0}: set the width and height attributes",
        "Outlook on Windows shows an image without width and height attributes at its file's size, and layouts jump while images load.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor WidelyUnsupportedCss = Create(
        "SESM0406", "CSS property most default mail clients ignore", MarkupCategory,
        "CSS property '{0}' ({1}) is not supported by {2} of the {3} platforms of the default mail clients (caniemail '{4}'): the email must read well without it",
        "The default clients are outlook.windows, outlook.outlook-com, gmail.*, apple-mail.* and yahoo.*, judged on their latest tested version in the caniemail snapshot SesMailer ships; the compatibility report (SesMailer.Compatibility) lists every client and note.",
        DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor PreviewNotAnEmail = Create(
        "SESM0501", "Preview does not return an email", PreviewsCategory,
        "[EmailPreview] '{0}' returns '{1}', which is not an [Email] type of this project{2}; return the email model, or EmailPreview<TEmail> to also give the send's options",
        "A preview makes a sample of one email: it returns an [Email] model, or an EmailPreview<TEmail> carrying the model and the EmailOptions it is sent with.");

    public static readonly DiagnosticDescriptor PreviewMemberUnusable = Create(
        "SESM0502", "Preview member cannot be called", PreviewsCategory,
        "[EmailPreview] '{0}' cannot be used: {1}",
        "The generated registry calls each preview member with no arguments: it must be a static, parameterless method or a static property with a getter, reachable from the assembly (internal or public).");

    public static readonly DiagnosticDescriptor DuplicatePreviewName = Create(
        "SESM0503", "Two previews of an email have the same name", PreviewsCategory,
        "Email '{0}' has two previews named '{1}' ({2} and {3}); previews are addressed by name, rename one",
        "The preview pages and the CLI address a preview by its email and name, so each name is unique per email.");

    private static readonly Dictionary<string, DiagnosticDescriptor> All = new()
    {
        [TemplateNotFound.Id] = TemplateNotFound,
        [AmbiguousTemplate.Id] = AmbiguousTemplate,
        [ModelTypeMismatch.Id] = ModelTypeMismatch,
        [LayoutNotFound.Id] = LayoutNotFound,
        [PartialNotFound.Id] = PartialNotFound,
        [PartialModelMismatch.Id] = PartialModelMismatch,
        [RawModelValue.Id] = RawModelValue,
        [LocalizedTemplateWithoutNeutral.Id] = LocalizedTemplateWithoutNeutral,
        [LocalizedTemplateWithoutEmail.Id] = LocalizedTemplateWithoutEmail,
        [SubjectPlaceholderNotFound.Id] = SubjectPlaceholderNotFound,
        [SubjectSyntax.Id] = SubjectSyntax,
        [InvalidAddress.Id] = InvalidAddress,
        [InvalidTag.Id] = InvalidTag,
        [DuplicateEmailName.Id] = DuplicateEmailName,
        [TypeNotAccessible.Id] = TypeNotAccessible,
        [GenericType.Id] = GenericType,
        [MissingSubject.Id] = MissingSubject,
        [RazorError.Id] = RazorError,
        [ResourceStringMissing.Id] = ResourceStringMissing,
        [ResourcePlaceholdersDiffer.Id] = ResourcePlaceholdersDiffer,
        [SubjectResourceKeyNotFound.Id] = SubjectResourceKeyNotFound,
        [SubjectResourceUnknown.Id] = SubjectResourceUnknown,
        [UnsafeLink.Id] = UnsafeLink,
        [HttpLink.Id] = HttpLink,
        [LinkWithoutScheme.Id] = LinkWithoutScheme,
        [ImageWithoutAlt.Id] = ImageWithoutAlt,
        [ImageWithoutDimensions.Id] = ImageWithoutDimensions,
        [WidelyUnsupportedCss.Id] = WidelyUnsupportedCss,
        [PreviewNotAnEmail.Id] = PreviewNotAnEmail,
        [PreviewMemberUnusable.Id] = PreviewMemberUnusable,
        [DuplicatePreviewName.Id] = DuplicatePreviewName,
    };

    public static DiagnosticDescriptor ById(string id) => All[id];

    private static DiagnosticDescriptor Create(string id, string title, string category, string message, string description, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description, HelpRoot + id.ToLowerInvariant());
}
