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

/// <summary>The subject template: its source text and the parts it was split into.</summary>
internal sealed record SubjectSpec(string? Template, EquatableArray<SubjectPart> Parts);

/// <summary>Literal text, or a model member path (<c>Customer.Name</c>) emitted as a C# expression with an optional format.</summary>
internal sealed record SubjectPart(string? Literal, string? Expression, string? Format);

/// <summary>A static address declared on the attribute, already validated.</summary>
internal sealed record AddressSpec(string Address, string? DisplayName);

/// <summary>A static SES message tag declared on the attribute.</summary>
internal sealed record TagSpec(string Name, string Value);
