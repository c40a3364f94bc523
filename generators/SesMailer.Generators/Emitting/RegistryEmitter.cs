using System.Collections.Generic;
using System.Linq;
using SesMailer.Generators.Helpers;
using SesMailer.Generators.Model;
using SesMailer.Generators.Razor;

namespace SesMailer.Generators.Emitting;

/// <summary>
/// Writes the assembly-wide parts: <c>GeneratedEmails.All</c> (every declared email, registered with
/// <c>SesMailer.Rendering.EmailRegistry</c> when the assembly loads) and the factory that creates layouts and
/// partials by name without reflection.
/// </summary>
internal static class RegistryEmitter
{
    public const string HintName = "SesMailerRegistry.g.cs";

    public static string Emit(string ns, IReadOnlyList<ResolvedEmail> emails, IReadOnlyList<TemplateSummary> templates, IReadOnlyList<PreviewSpec> previews)
    {
        var writer = GeneratedCode.NewFile();
        writer.Line();
        writer.Line("namespace " + ns);
        writer.OpenBrace();

        writer.Line("/// <summary>Every email declared in this assembly.</summary>");
        writer.Line(GeneratedCode.Attribute);
        writer.Line("internal static class GeneratedEmails");
        writer.OpenBrace();
        writer.Line("/// <summary>The emails, ordered by name.</summary>");
        writer.Line("public static global::System.Collections.Generic.IReadOnlyList<global::SesMailer.Rendering.EmailDescriptor> All { get; } = new global::SesMailer.Rendering.EmailDescriptor[]");
        writer.OpenBrace();
        foreach (var resolved in emails)
        {
            var email = resolved.Email;
            var mailer = (email.Namespace.Length == 0 ? "global::" : "global::" + email.Namespace + ".") + EmailEmitter.ClassName(email);
            writer.Line("new global::SesMailer.Rendering.EmailDescriptor(");
            writer.Line($"    name: {SourceWriter.Literal(email.Name)},");
            writer.Line($"    modelType: typeof({email.FullyQualifiedType}),");
            writer.Line($"    htmlTemplatePath: {SourceWriter.Literal(resolved.HtmlTemplatePath)},");
            writer.Line($"    textTemplatePath: {SourceWriter.Literal(resolved.TextTemplatePath)},");
            writer.Line($"    subjectTemplate: {SourceWriter.Literal(email.Subject.Template)},");
            writer.Line($"    from: {SourceWriter.Literal(email.From is null ? null : Format(email.From))},");
            writer.Line($"    replyTo: {SourceWriter.Literal(email.ReplyTo is null ? null : Format(email.ReplyTo))},");
            writer.Line($"    category: {SourceWriter.Literal(email.Category)},");
            writer.Line($"    render: static (model, culture, cancellationToken) => {mailer}.Render{email.Name}Async(({email.FullyQualifiedType})model, culture, cancellationToken),");
            writer.Line($"    send: static (mailer, options, model, cancellationToken) => {mailer}.Send{email.Name}Async(mailer, options, ({email.FullyQualifiedType})model, cancellationToken),");
            writer.Line($"    declaration: {mailer}.Declaration,");
            var cultures = resolved.Localized.Select(static l => l.Culture).Distinct().OrderBy(static c => c, System.StringComparer.Ordinal).ToList();
            writer.Line($"    cultures: {(cultures.Count == 0 ? "null" : "new string[] { " + string.Join(", ", cultures.Select(SourceWriter.Literal)) + " }")},");
            var own = previews.Where(p => p.EmailType == email.FullyQualifiedType).GroupBy(static p => p.Name, System.StringComparer.Ordinal).Select(static g => g.First()).ToList();
            if (own.Count == 0)
            {
                writer.Line("    previews: null),");
                continue;
            }

            writer.Line("    previews: new global::SesMailer.Rendering.EmailPreviewDescriptor[]");
            writer.Line("    {");
            foreach (var preview in own)
            {
                // The member is called on every preview, so a sample with options gets fresh ones each time.
                var sample = preview.WithOptions
                    ? $"static () => {{ var preview = {preview.Invocation}; return new global::SesMailer.Rendering.EmailSample(preview.Email, preview.Options); }}"
                    : $"static () => new global::SesMailer.Rendering.EmailSample({preview.Invocation}, new global::SesMailer.EmailOptions())";
                writer.Line($"        new global::SesMailer.Rendering.EmailPreviewDescriptor({SourceWriter.Literal(preview.Name)}, {SourceWriter.Literal(preview.DisplayMember)}, {sample}),");
            }

            writer.Line("    }),");
        }

        writer.CloseBrace(";");
        writer.Line();
        writer.Line("/// <summary>Adds this assembly's emails to <see cref=\"global::SesMailer.Rendering.EmailRegistry\"/> when it loads.</summary>");
        writer.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        writer.Line("internal static void Register() => global::SesMailer.Rendering.EmailRegistry.Register(All);");
        writer.CloseBrace();
        writer.Line();

        writer.Line("/// <summary>Creates this assembly's templates by name and kind (layouts and partials are found through it).</summary>");
        writer.Line(GeneratedCode.Attribute);
        writer.Line("internal sealed class GeneratedTemplateFactory : global::SesMailer.Rendering.ITemplateFactory");
        writer.OpenBrace();
        writer.Line("/// <summary>The one instance.</summary>");
        writer.Line("public static readonly GeneratedTemplateFactory Instance = new();");
        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Line("public global::SesMailer.Rendering.EmailTemplate? Create(string name, global::SesMailer.Rendering.TemplateKind kind) => (kind, name) switch");
        writer.OpenBrace();
        var seen = new HashSet<(TemplateKind, string)>();
        foreach (var template in templates)
        {
            // The project's own template wins over a shipped one of the same name (they are ordered project first).
            if (seen.Add((template.Kind, template.Name)))
            {
                writer.Line($"(global::SesMailer.Rendering.TemplateKind.{template.Kind}, {SourceWriter.Literal(template.Name)}) => new {template.ClassName}(),");
            }
        }

        writer.Line("_ => null,");
        writer.CloseBrace(";");
        writer.CloseBrace();
        writer.CloseBrace();
        return writer.ToString();
    }

    /// <summary>SESM0503 for each preview whose name another preview of the same email already has (the first one wins).</summary>
    public static IEnumerable<DiagnosticInfo> DuplicatePreviews(IReadOnlyList<ResolvedEmail> emails, IReadOnlyList<PreviewSpec> previews)
    {
        foreach (var group in previews.GroupBy(static p => (p.EmailType, p.Name)))
        {
            var first = group.First();
            var email = emails.FirstOrDefault(e => e.Email.FullyQualifiedType == first.EmailType)?.Email.Name ?? first.EmailType ?? string.Empty;
            foreach (var other in group.Skip(1))
            {
                yield return DiagnosticInfo.Create(Diagnostics.DiagnosticDescriptors.DuplicatePreviewName, other.Location, email, other.Name, first.DisplayMember, other.DisplayMember);
            }
        }
    }

    private static string Format(AddressSpec address) => address.DisplayName is null ? address.Address : $"{address.DisplayName} <{address.Address}>";
}
