using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SesMailer.Conventions;

namespace SesMailer.Generators.Diagnostics;

/// <summary>
/// SESM0007: a template passes a value read from <c>Model</c> to <c>Html.Raw</c> or <c>Raw</c>. An analyzer rather than
/// a generator diagnostic: it sees the templates' generated C#, whose <c>#line</c> directives place the warning at the
/// template line and column, and a diagnostic there honours <c>#pragma warning</c> in the template like any other.
/// </summary>
/// <remarks>
/// A value that is already an <c>HtmlString</c> is not reported: the application marked it as markup where it built
/// it, and Raw changes nothing. Text templates are not reported: nothing in them is encoded. A model value copied into
/// a local first is not followed.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RawModelValueAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.RawModelValue);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        // Templates are generated code: analysed, and reported there (mapped to the .cshtml by #line).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var template = start.Compilation.GetTypeByMetadataName("SesMailer.Rendering.EmailTemplate");
            var typedTemplate = start.Compilation.GetTypeByMetadataName("SesMailer.Rendering.EmailTemplate`1");
            var helper = start.Compilation.GetTypeByMetadataName("SesMailer.Rendering.HtmlHelper");
            var htmlString = start.Compilation.GetTypeByMetadataName("SesMailer.Rendering.HtmlString");
            var model = typedTemplate?.GetMembers("Model").OfType<IPropertySymbol>().FirstOrDefault();
            if (template is null || helper is null || htmlString is null || model is null)
            {
                return; // not a project using SesMailer
            }

            var raws = template.GetMembers("Raw").Concat(helper.GetMembers("Raw")).OfType<IMethodSymbol>().ToImmutableArray();
            start.RegisterOperationAction(operation => Analyze(operation, raws, model, htmlString), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, ImmutableArray<IMethodSymbol> raws, IPropertySymbol model, INamedTypeSymbol htmlString)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!raws.Contains(invocation.TargetMethod.OriginalDefinition, SymbolEqualityComparer.Default) || invocation.Arguments.Length != 1)
        {
            return;
        }

        var argument = invocation.Arguments[0].Value;
        var value = argument is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : argument;
        if (SymbolEqualityComparer.Default.Equals(value.Type, htmlString) || !ReadsModel(value, model))
        {
            return;
        }

        var location = invocation.Syntax.GetLocation();
        var mapped = location.GetMappedLineSpan();
        if (mapped.HasMappedPath && TemplateFileNames.IsText(mapped.Path))
        {
            return;
        }

        var call = invocation.Syntax is InvocationExpressionSyntax syntax ? syntax.Expression.ToString() : invocation.TargetMethod.Name;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RawModelValue, location, call));
    }

    private static bool ReadsModel(IOperation value, IPropertySymbol model) =>
        value.DescendantsAndSelf().OfType<IPropertyReferenceOperation>()
            .Any(reference => SymbolEqualityComparer.Default.Equals(reference.Property.OriginalDefinition, model));
}
