namespace SesMailer.RazorLight.Templates;

/// <summary>What the renderer needs of a compiled template, whatever its model type.</summary>
internal interface IRuntimeTemplate
{
    TemplateState State { get; set; }

    Type ModelType { get; }

    string? Layout { get; set; }

    IReadOnlyDictionary<string, Func<Task>> Sections { get; }

    /// <summary>Sets the model after checking its type.</summary>
    /// <exception cref="EmailTemplateModelException">The model is not a <see cref="ModelType"/>.</exception>
    void AssignModel(object? model);

    Task ExecuteAsync();
}
