namespace SesMailer.RazorLight;

/// <summary>A template was given a model of another type than its <c>@model</c>.</summary>
public sealed class EmailTemplateModelException : EmailTemplateException
{
    /// <summary>Creates the exception.</summary>
    public EmailTemplateModelException(string templatePath, Type expectedType, Type? actualType)
        : base(
            templatePath,
            $"Template '{templatePath}' expects a model of type {expectedType}, but got {actualType?.ToString() ?? "null"}; pass a {expectedType} or change the template's @model.")
    {
        ExpectedType = expectedType;
        ActualType = actualType;
    }

    /// <summary>The template's model type (its <c>@model</c>).</summary>
    public Type ExpectedType { get; }

    /// <summary>The type of the model that was passed, or <see langword="null"/> for a null model.</summary>
    public Type? ActualType { get; }
}
