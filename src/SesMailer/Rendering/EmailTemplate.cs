namespace SesMailer.Rendering;

/// <summary>
/// The base of every compiled template. Razor's generated <see cref="ExecuteAsync"/> calls <see cref="WriteLiteral"/>
/// for markup, <see cref="Write(object?)"/> for <c>@expressions</c> (HTML-encoded in HTML templates, as written in
/// text templates) and the attribute methods for attributes holding <c>@</c>. Layouts, sections and partials are
/// resolved through an <see cref="ITemplateFactory"/>; see <see cref="TemplateRenderer"/>.
/// </summary>
public abstract class EmailTemplate
{
    private static readonly IReadOnlyDictionary<string, Func<Task>> NoSections = new Dictionary<string, Func<Task>>(StringComparer.Ordinal);

    // Created on first use: most templates define no section and write no attribute holding code, and a render
    // creates a template object per layout and partial, so what they do not use they should not allocate.
    private Dictionary<string, Func<Task>>? _sections;
    private TemplateWriter? _writer;
    private IDictionary<string, object?>? _viewData;
    private HashSet<string>? _renderedSections;

    /// <summary>Whether this template writes HTML or text (the generated class says which).</summary>
    public abstract TemplateKind Kind { get; }

    /// <summary>The layout to render this template into (its file name without extension), or <see langword="null"/>.</summary>
    public string? Layout { get; set; }

    /// <summary>Values shared by a template, its layouts and its partials (a title, a preheader…).</summary>
    public IDictionary<string, object?> ViewData
    {
        get => _viewData ??= new Dictionary<string, object?>(StringComparer.Ordinal);
        internal set => _viewData = value;
    }

    /// <summary>Helpers for markup: <c>@Html.Raw(…)</c>, <c>@Html.TrustedUrl(…)</c>.</summary>
    public static HtmlHelper Html => HtmlHelper.Instance;

    /// <summary>Where output goes while the template runs.</summary>
    protected internal TextWriter Output { get; internal set; } = TextWriter.Null;

    /// <summary>The token of the render in progress (templates may pass it to their own async calls).</summary>
    protected internal CancellationToken CancellationToken { get; internal set; }

    internal ITemplateFactory Factory { get; set; } = EmptyFactory.Instance;

    /// <summary>In a layout: the rendered template below it, still in its render buffer.</summary>
    internal RenderBuffer? Body { get; set; }

    internal IReadOnlyDictionary<string, Func<Task>> ParentSections { get; set; } = NoSections;

    internal IReadOnlyDictionary<string, Func<Task>> Sections => _sections ?? NoSections;

    internal EmailTemplate? SectionOwner { get; set; }

    /// <summary>The sections of this template that its layout has rendered (a section no layout renders is an error).</summary>
    internal HashSet<string> RenderedSections => _renderedSections ??= new HashSet<string>(StringComparer.Ordinal);


    private TemplateWriter AttributeWriter => _writer ?? throw new InvalidOperationException("WriteAttributeValue and EndWriteAttribute must follow BeginWriteAttribute.");

    /// <summary>Runs the template, writing to <see cref="Output"/>. Razor generates the body of this method.</summary>
    public abstract Task ExecuteAsync();

    /// <summary>Sets the model; <see cref="EmailTemplate{TModel}"/> checks its type.</summary>
    internal abstract void SetModel(object? model);

    /// <summary>Writes markup from the template as it is.</summary>
    protected void WriteLiteral(string? value) => Output.Write(value);

    /// <summary>Writes a value: HTML-encoded in an HTML template unless it is an <see cref="HtmlString"/>.</summary>
    protected void Write(object? value) => TemplateWriter.WriteValue(Output, Kind, value, writer: null);

    /// <summary>
    /// Writes a number, date or other formattable value as <see cref="Write(object?)"/> does (current culture,
    /// HTML-encoded in an HTML template), without boxing it: <c>@item.Quantity</c> binds here.
    /// </summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    protected void Write<T>(T value)
        where T : ISpanFormattable => TemplateWriter.WriteValue(Output, Kind, value);

    /// <summary>Writes text: HTML-encoded in an HTML template.</summary>
    protected void Write(string? value) => TemplateWriter.WriteText(Output, Kind, value);

    /// <summary>
    /// Writes <paramref name="value"/> formatted as <c>value.ToString(format, provider)</c> formats it, HTML-encoded in
    /// an HTML template, without the string in between. The generator emits this call for
    /// <c>@value.ToString(format, provider)</c>, so that a template formatting a column of prices allocates nothing per price.
    /// </summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="format">The format, as given to <c>ToString</c>.</param>
    /// <param name="provider">The culture or format provider, as given to <c>ToString</c>.</param>
    protected void Write<T>(T value, string? format, IFormatProvider? provider)
        where T : ISpanFormattable => TemplateWriter.WriteFormatted(Output, Kind, value, format, provider);

    /// <summary>
    /// Writes <c>value.ToString(format, provider)</c>, HTML-encoded in an HTML template: the form of
    /// <see cref="Write{T}(T, string?, IFormatProvider?)"/> for a value that cannot format into a span.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="format">The format, as given to <c>ToString</c>.</param>
    /// <param name="provider">The culture or format provider, as given to <c>ToString</c>.</param>
    protected void Write(IFormattable value, string? format, IFormatProvider? provider) =>
        TemplateWriter.WriteText(Output, Kind, value.ToString(format, provider));

    /// <summary>Trusted markup written without encoding: <c>@Raw(html)</c>. Never pass user input here.</summary>
    protected static HtmlString Raw(object? value) => HtmlHelper.Instance.Raw(value);

    /// <summary>Starts an attribute whose value holds <c>@</c> (Razor's calling convention).</summary>
    /// <remarks>
    /// The writer that holds the attribute is taken from a per-thread cache here and given back by
    /// <see cref="EndWriteAttribute"/>: a partial rendered per row of a loop would otherwise allocate one per row.
    /// </remarks>
    protected void BeginWriteAttribute(string name, string prefix, int prefixOffset, string suffix, int suffixOffset, int attributeValuesCount) =>
        (_writer ??= TemplateWriter.Rent()).BeginWriteAttribute(Output, name, prefix, suffix, attributeValuesCount);

    /// <summary>Writes one part of an attribute value: literal parts as they are, expressions encoded and, in URL and <c>style</c> attributes, checked (see <see cref="UnsafeAttributeValue"/>).</summary>
    protected void WriteAttributeValue(string prefix, int prefixOffset, object? value, int valueOffset, int valueLength, bool isLiteral) =>
        AttributeWriter.WriteAttributeValue(Output, Kind, prefix, value, isLiteral);

    /// <summary>Ends the attribute started by <see cref="BeginWriteAttribute"/>.</summary>
    protected void EndWriteAttribute()
    {
        var writer = AttributeWriter;
        writer.EndWriteAttribute(Output);
        _writer = null;
        TemplateWriter.Return(writer);
    }

    /// <summary>Declares a section (<c>@section name { … }</c>) for the layout to place with <see cref="RenderSection(string, bool)"/>.</summary>
    /// <exception cref="InvalidOperationException">The section is defined twice.</exception>
    protected void DefineSection(string name, Func<Task> section)
    {
        if (!(_sections ??= new Dictionary<string, Func<Task>>(StringComparer.Ordinal)).TryAdd(name, section))
        {
            throw new InvalidOperationException($"Section '{name}' is defined twice in one template.");
        }
    }

    /// <summary>In a layout: the rendered template that uses this layout.</summary>
    /// <exception cref="InvalidOperationException">Called from a template that is not a layout.</exception>
    protected HtmlString RenderBody() => Body is null
        ? throw NotALayout()
        : new HtmlString(Body.ToString());

    /// <summary>
    /// In a layout: writes the rendered template that uses this layout, as <c>@RenderBody()</c> does, but without a
    /// copy: the layout's buffer keeps a reference to the body's, and the final string reads it from there. The
    /// generator emits this call for <c>@RenderBody()</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called from a template that is not a layout.</exception>
    protected void WriteBody()
    {
        if (Body is null)
        {
            throw NotALayout();
        }

        if (Output is RenderBuffer buffer)
        {
            buffer.Place(Body);
        }
        else
        {
            Body.WriteTo(Output);
        }
    }

    /// <summary>In a layout: whether the template defines section <paramref name="name"/>.</summary>
    protected bool IsSectionDefined(string name) => ParentSections.ContainsKey(name);

    /// <summary>In a layout: renders section <paramref name="name"/> of the template (or nothing when optional and absent).</summary>
    /// <exception cref="InvalidOperationException">A required section is missing.</exception>
    protected async Task<HtmlString> RenderSectionAsync(string name, bool required = true)
    {
        if (FindSection(name, required) is not { } section)
        {
            return HtmlString.Empty;
        }

        var owner = SectionOwner!;
        return await TemplateWriter.CaptureAsync(section, output =>
        {
            var previous = owner.Output;
            owner.Output = output;
            return previous;
        }).ConfigureAwait(false);
    }

    /// <summary>Synchronous form of <see cref="RenderSectionAsync"/> for <c>@RenderSection("x", required: false)</c>.</summary>
    protected HtmlString RenderSection(string name, bool required = true) => RenderSectionAsync(name, required).GetAwaiter().GetResult();

    /// <summary>
    /// In a layout: writes section <paramref name="name"/> of the template where the layout is (or nothing when optional
    /// and absent), as <c>@await RenderSectionAsync(…)</c> does, but straight into this layout's output instead of
    /// through a string. The generator emits this call for <c>@await RenderSectionAsync(…)</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">A required section is missing.</exception>
    protected Task WriteSectionAsync(string name, bool required = true)
    {
        if (FindSection(name, required) is not { } section)
        {
            return Task.CompletedTask;
        }

        var owner = SectionOwner!;
        var previous = owner.Output;
        owner.Output = Output;
        Task running;
        try
        {
            running = section();
        }
        catch
        {
            owner.Output = previous;
            throw;
        }

        if (running.IsCompleted)
        {
            owner.Output = previous;
            return running;
        }

        return Restore(running, owner, previous);

        static async Task Restore(Task running, EmailTemplate owner, TextWriter previous)
        {
            try
            {
                await running.ConfigureAwait(false);
            }
            finally
            {
                owner.Output = previous;
            }
        }
    }

    /// <summary>Synchronous form of <see cref="WriteSectionAsync"/>, emitted for <c>@RenderSection(…)</c>.</summary>
    /// <exception cref="InvalidOperationException">A required section is missing.</exception>
    protected void WriteSection(string name, bool required = true) => WriteSectionAsync(name, required).GetAwaiter().GetResult();

    /// <summary>Renders the partial <paramref name="name"/> (<c>_Button.cshtml</c> is <c>"_Button"</c>) with its own model: <c>@await Partial("_Button", new ButtonModel(…))</c>.</summary>
    /// <exception cref="InvalidOperationException">No such partial, or its model type differs.</exception>
    protected async Task<HtmlString> Partial<TPartialModel>(string name, TPartialModel model)
    {
        var partial = CreatePartial(name);
        var buffer = RenderBuffer.Rent();
        try
        {
            await TemplateRenderer.RunAsync(partial, model, Factory, ViewData, buffer, CancellationToken).ConfigureAwait(false);
            return new HtmlString(buffer.ToString());
        }
        finally
        {
            RenderBuffer.Return(buffer);
        }
    }

    /// <summary>
    /// Writes the partial <paramref name="name"/> with its own model where the template is, as
    /// <c>@await Partial(name, model)</c> does, but straight into this template's output instead of through a string
    /// (a partial that fails leaves nothing behind). The generator emits this call for <c>@await Partial(…)</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No such partial, or its model type differs.</exception>
    protected Task WritePartial<TPartialModel>(string name, TPartialModel model)
    {
        var partial = CreatePartial(name);
        var output = Output;
        var start = output is RenderBuffer buffer ? buffer.Length : -1;
        Task running;
        try
        {
            running = TemplateRenderer.RunAsync(partial, model, Factory, ViewData, output, CancellationToken);
        }
        catch
        {
            Forget(output, start);
            throw;
        }

        if (running.IsCompletedSuccessfully)
        {
            return running;
        }

        return Finish(running, output, start);

        static async Task Finish(Task running, TextWriter output, int start)
        {
            try
            {
                await running.ConfigureAwait(false);
            }
            catch
            {
                Forget(output, start);
                throw;
            }
        }

        static void Forget(TextWriter output, int start)
        {
            if (start >= 0)
            {
                ((RenderBuffer)output).Truncate(start);
            }
        }
    }

    private EmailTemplate CreatePartial(string name) =>
        Factory.Create(name, Kind) ?? throw new InvalidOperationException($"Partial '{name}' ({Kind}) not found.");

    private Func<Task>? FindSection(string name, bool required)
    {
        if (!ParentSections.TryGetValue(name, out var section))
        {
            return required
                ? throw new InvalidOperationException($"The layout requires section '{name}', which the template does not define; add '@section {name} {{ … }}' or render it with required: false.")
                : null;
        }

        SectionOwner!.RenderedSections.Add(name);
        return section;
    }

    private static InvalidOperationException NotALayout() => new("RenderBody() can only be called from a layout.");

    private sealed class EmptyFactory : ITemplateFactory
    {
        public static readonly EmptyFactory Instance = new();

        public EmailTemplate? Create(string name, TemplateKind kind) => null;
    }
}

/// <summary>A template with a typed model: <c>@model T</c> (or the <c>[Email]</c> type, when <c>@model</c> is omitted).</summary>
/// <typeparam name="TModel">The model type.</typeparam>
public abstract class EmailTemplate<TModel> : EmailTemplate
{
    /// <summary>The model being rendered.</summary>
    public TModel Model { get; set; } = default!;

    internal override void SetModel(object? model)
    {
        if (model is TModel typed)
        {
            Model = typed;
        }
        else if (model is null && default(TModel) is null)
        {
            Model = default!;
        }
        else
        {
            throw new InvalidOperationException(
                $"Template {GetType().Name} expects a model of type {typeof(TModel)}, but got {model?.GetType().ToString() ?? "null"}.");
        }
    }
}
