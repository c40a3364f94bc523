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
internal sealed record TemplateInput(TemplateFile File, EquatableArray<TemplateFile> Imports, TemplateBinding? Binding, string ClassName);

/// <summary>The email that claims a template: its model type is implied when <c>@model</c> is omitted.</summary>
internal sealed record TemplateBinding(string TemplatePath, string EmailName, string ModelType, string ModelNamespace);

/// <summary>A reference from a template to another template by name (a layout or a partial), with where it is written.</summary>
internal sealed record TemplateReference(string Name, LocationInfo Location, string? ModelType = null);

/// <summary>A template compiled to C# by Razor, with what the emitter and the cross-checks need.</summary>
internal sealed record CompiledTemplate(
    string Path,
    string Name,
    TemplateKind Kind,
    string ClassName,
    string GeneratedCode,
    string BaseType,
    LocationInfo? ModelLocation,
    bool HasInherits,
    EquatableArray<string> Usings,
    EquatableArray<TemplateReference> Layouts,
    EquatableArray<TemplateReference> Partials,
    EquatableArray<DiagnosticInfo> Diagnostics);

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
    string? HtmlTemplatePath,
    string? HtmlClassName,
    string? TextTemplatePath,
    string? TextClassName,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>A template's identity without its text: what email resolution looks at, so editing a template's body leaves it unchanged.</summary>
internal sealed record TemplateEntry(string Path, string RelativePath, string Name, TemplateKind Kind, bool IsImports, string ClassName);
