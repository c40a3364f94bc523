using SesMailer.Generators.Helpers;

namespace SesMailer.Generators.Model;

/// <summary>
/// One <c>[EmailPreview]</c> member as the parser read it. <see cref="EmailType"/> is the fully qualified <c>[Email]</c>
/// type it makes a sample of (null when it returns something else, with a diagnostic); <see cref="Invocation"/> is the
/// C# expression that calls it; <see cref="WithOptions"/> is true when it returns an <c>EmailPreview&lt;T&gt;</c>.
/// </summary>
internal sealed record PreviewSpec(
    string Name,
    string? EmailType,
    string Invocation,
    string DisplayMember,
    bool WithOptions,
    LocationInfo? Location,
    EquatableArray<DiagnosticInfo> Diagnostics);
