using SesMailer.Generators.Helpers;

namespace SesMailer.Generators.Model;

// Every pipeline model is an immutable record of strings, bools, enums, other models and EquatableArray<T>:
// never ISymbol, SyntaxNode, Location or Compilation. That is what lets Roslyn see an unchanged step as
// Cached and skip everything downstream (a model-graph test walks these types to keep it so).

/// <summary>One <c>[Email]</c> declaration, as the parser read it from the symbol and the attribute.</summary>
internal sealed record EmailSpec(
    string Name,
    string TypeName,
    string Namespace,
    string FullyQualifiedType,
    string MetadataDisplayName,
    bool IsPublic,
    SubjectSpec Subject,
    AddressSpec? From,
    AddressSpec? ReplyTo,
    string? TemplatePath,
    string? Layout,
    string? Category,
    EquatableArray<TagSpec> Tags,
    LocationInfo? Location,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// The subject template: its source text and the parts it was split into. With <see cref="Resource"/>, the subject is
/// a .resx string looked up at run time; <see cref="Template"/> and <see cref="Parts"/> are then its neutral string's,
/// filled in once the .resx files are known (<c>Resources/ResourceSubjects.cs</c>).
/// </summary>
internal sealed record SubjectSpec(string? Template, EquatableArray<SubjectPart> Parts, ResourceSubjectSpec? Resource = null);

/// <summary>
/// <c>[Email(SubjectResource = typeof(EmailStrings), Subject = "Key")]</c>: the resource class (its name and namespace
/// to find its .resx, its C# name for the generated lookup), the key, and the model's metadata name, with which the
/// neutral string's placeholders are resolved against the model once that string is known.
/// </summary>
internal sealed record ResourceSubjectSpec(
    string ClassName,
    string ClassNamespace,
    string ClassDisplayName,
    string ClassExpression,
    bool HasResourceManager,
    string Key,
    string ModelMetadataName,
    LocationInfo? KeyLocation,
    LocationInfo? ClassLocation);

/// <summary>Literal text, or a model member path (<c>Customer.Name</c>) emitted as a C# expression with an optional format.</summary>
internal sealed record SubjectPart(string? Literal, string? Expression, string? Format, string? Path = null);

/// <summary>A static address declared on the attribute, already validated.</summary>
internal sealed record AddressSpec(string Address, string? DisplayName);

/// <summary>A static SES message tag declared on the attribute.</summary>
internal sealed record TagSpec(string Name, string Value);
