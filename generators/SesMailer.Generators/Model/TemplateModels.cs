using System.Linq;
using SesMailer.Generators.Helpers;

namespace SesMailer.Generators.Model;

/// <summary>Whether a template writes HTML (encoded) or plain text (not encoded).</summary>
internal enum TemplateKind
{
    Html,
    Text,
}

/// <summary>A <c>.cshtml</c> file handed to the compiler, with its text.</summary>
internal sealed record TemplateFile(string Path, string RelativePath, string Name, TemplateKind Kind, bool IsImports, string Text);

/// <summary>Everything one template's compilation depends on: editing another template leaves this equal.</summary>
internal sealed record TemplateInput(TemplateFile File, EquatableArray<TemplateFile> Imports, TemplateBinding? Binding, string ClassName, string Namespace);

/// <summary>The email that claims a template: its model type is implied when <c>@model</c> is omitted.</summary>
internal sealed record TemplateBinding(string TemplatePath, string EmailName, string ModelType, string ModelNamespace);

/// <summary>A reference from a template to another template by name (a layout or a partial), with where it is written.</summary>
internal sealed record TemplateReference(string Name, LocationInfo Location, string? ModelType = null);

/// <summary>A <c>@using</c> in effect for a template: the namespace as written and where it is written (null for SesMailer's defaults).</summary>
internal sealed record TemplateUsing(string Namespace, LocationInfo? Location);

/// <summary>
/// A template compiled to C# by Razor, with what the emitter and the cross-checks need. With
/// <see cref="HasSyntaxErrors"/> (SESM0201 in <see cref="Diagnostics"/>), <see cref="GeneratedCode"/> is empty.
/// <see cref="ClassPartOffset"/> is where, in <see cref="GeneratedCode"/>, the namespace block Razor wrote closes
/// (-1 when there is none): the emitter adds its own part of the class there, inside the scope of Razor's usings.
/// <see cref="InheritsType"/> is the <c>@inherits</c> type, which the emitter writes (mapped) in place of Razor.
/// <see cref="Usings"/> serve the stand-in of a template with syntax errors, which has no Razor code to hold them.
/// </summary>
internal sealed record CompiledTemplate(
    string Namespace,
    string Path,
    string Name,
    TemplateKind Kind,
    string ClassName,
    string GeneratedCode,
    int ClassPartOffset,
    bool HasSyntaxErrors,
    string BaseType,
    LocationInfo? ModelLocation,
    bool HasInherits,
    string? InheritsType,
    LocationInfo? InheritsLocation,
    EquatableArray<TemplateUsing> Usings,
    EquatableArray<TemplateReference> Layouts,
    EquatableArray<TemplateReference> Partials,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>The diagnostics located in this template's own file: reported with its generated source.</summary>
    public EquatableArray<DiagnosticInfo> OwnDiagnostics() =>
        Diagnostics.Where(d => d.Location is null || d.Location.FilePath == Path).ToEquatableArray();

    /// <summary>
    /// Razor errors located in a <c>_ViewImports.cshtml</c> this template uses. Razor reports them again with every
    /// template that imports the file, so the pipeline gathers them and reports each once.
    /// </summary>
    public EquatableArray<DiagnosticInfo> ImportDiagnostics() =>
        Diagnostics.Where(d => d.Location is not null && d.Location.FilePath != Path).ToEquatableArray();
}

/// <summary>What the registry and the cross-checks need of one template (no generated code, so it stays small).</summary>
internal sealed record TemplateSummary(
    string Path,
    string Name,
    TemplateKind Kind,
    string ClassName,
    string ModelType,
    EquatableArray<TemplateReference> Layouts,
    EquatableArray<TemplateReference> Partials);

/// <summary>An email with its templates found: the input of the per-email emitter.</summary>
internal sealed record ResolvedEmail(
    EmailSpec Email,
    string GeneratedNamespace,
    string? HtmlTemplatePath,
    string? HtmlClassName,
    string? TextTemplatePath,
    string? TextClassName,
    EquatableArray<DiagnosticInfo> Diagnostics,
    EquatableArray<LocalizedTemplate> Localized = default);

/// <summary>A localized variant of an email's template (<c>WelcomeEmail.fr-CA.cshtml</c>): its canonical culture name, kind, path and class.</summary>
internal sealed record LocalizedTemplate(string Culture, TemplateKind Kind, string RelativePath, string ClassName);

/// <summary>A template's identity without its text: what email resolution looks at, so editing a template's body leaves it unchanged.</summary>
internal sealed record TemplateEntry(string Path, string RelativePath, string Name, TemplateKind Kind, bool IsImports, string ClassName);
