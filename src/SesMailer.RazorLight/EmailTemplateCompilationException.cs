namespace SesMailer.RazorLight;

/// <summary>A template has a Razor or C# error. <see cref="Errors"/> lists each one with its line and column in the template.</summary>
public sealed class EmailTemplateCompilationException : EmailTemplateException
{
    /// <summary>Creates the exception.</summary>
    public EmailTemplateCompilationException(string templatePath, IReadOnlyList<TemplateError> errors, Exception? innerException = null, string? hint = null)
        : base(templatePath, Describe(templatePath, errors) + (hint is null ? string.Empty : Environment.NewLine + hint), innerException)
    {
        Errors = errors;
    }

    /// <summary>The errors, in the compiler's order.</summary>
    public IReadOnlyList<TemplateError> Errors { get; }

    private static string Describe(string templatePath, IReadOnlyList<TemplateError> errors) =>
        $"Template '{templatePath}' does not compile:" + string.Concat(errors.Select(e => Environment.NewLine + "  " + e));
}

/// <summary>One error of a template: where (1-based line and column, as editors show them) and what.</summary>
/// <param name="Path">The template it is in (a layout or imports file may be another file than the one rendered).</param>
/// <param name="Line">The line, from 1; 0 when the compiler gave no position.</param>
/// <param name="Column">The column, from 1; 0 when the compiler gave no position.</param>
/// <param name="Id">Razor's id for syntax errors (<c>RZ1006</c>); <see langword="null"/> for C# errors, whose id RazorLight does not pass on.</param>
/// <param name="Message">The compiler's message.</param>
public sealed record TemplateError(string Path, int Line, int Column, string? Id, string Message)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Path}({Line},{Column}): error{(Id is null ? string.Empty : " " + Id)}: {Message}";
}
