namespace SesMailer.Generators;

/// <summary>Names of the pipeline steps, so tests can assert which ones ran and which were cached.</summary>
internal static class TrackingNames
{
    public const string GeneratedNamespace = nameof(GeneratedNamespace);
    public const string TemplateFiles = nameof(TemplateFiles);
    public const string TemplateEntries = nameof(TemplateEntries);
    public const string Imports = nameof(Imports);
    public const string Emails = nameof(Emails);
    public const string ResolvedEmails = nameof(ResolvedEmails);
    public const string Bindings = nameof(Bindings);
    public const string UnclaimedLocalized = nameof(UnclaimedLocalized);
    public const string TemplateInputs = nameof(TemplateInputs);
    public const string CompiledTemplates = nameof(CompiledTemplates);
    public const string TemplateSummaries = nameof(TemplateSummaries);
    public const string ImportDiagnostics = nameof(ImportDiagnostics);
    public const string Registry = nameof(Registry);
    public const string ResourceFiles = nameof(ResourceFiles);
    public const string ResourceDiagnostics = nameof(ResourceDiagnostics);
    public const string ResourceSubjects = nameof(ResourceSubjects);
    public const string EmailSubjects = nameof(EmailSubjects);
    public const string Previews = nameof(Previews);
}
