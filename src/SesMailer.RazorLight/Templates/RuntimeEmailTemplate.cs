using System.Text.Encodings.Web;
using global::RazorLight;
using SesMailer.RazorLight.Rendering;
using SesMailer.Rendering;

namespace SesMailer.RazorLight.Templates;

/// <summary>
/// The base class of every template compiled at run time: the same template API as the build-time
/// <see cref="EmailTemplate{TModel}"/> (<c>Layout</c>, <c>ViewData</c>, <c>@RenderBody()</c>, sections,
/// <c>@await Partial("_Button", model)</c>, <c>@Html.Raw</c>, <c>@Raw</c>, HTML encoding in HTML templates only),
/// on top of RazorLight's page. SesMailer makes every template derive from it (an injected <c>@inherits</c>);
/// templates never name it themselves.
/// </summary>
/// <remarks>
/// RazorLight's own layout, section and encoding machinery is hidden on purpose (<see langword="new"/> members win
/// over base members in the code Razor generates), so that one <c>.cshtml</c> renders byte for byte the same through
/// the generator and through RazorLight. Writing and attributes are <see cref="TemplateWriter"/>'s, shared with
/// <see cref="EmailTemplate"/>; the layout, section and partial members below mirror it over RazorLight's state.
/// </remarks>
/// <typeparam name="TModel">The <c>@model</c> type (<c>dynamic</c> when a layout or partial declares none).</typeparam>
public abstract class RuntimeEmailTemplate<TModel> : TemplatePage<TModel>, IRuntimeTemplate
{
    private readonly Dictionary<string, Func<Task>> _sections = new(StringComparer.Ordinal);
    private readonly TemplateWriter _writer = new RuntimeTemplateWriter();

    /// <summary>Whether this template writes HTML or text (<c>X.text.cshtml</c> is text).</summary>
    public TemplateKind Kind => State.Kind;

    /// <summary>The layout to render this template into (its file name without extension), or <see langword="null"/>.</summary>
    public new string? Layout { get; set; }

    /// <summary>Values shared by a template, its layouts and its partials (a title, a preheader…).</summary>
    public IDictionary<string, object?> ViewData => State.ViewData;

    /// <summary>Helpers for markup: <c>@Html.Raw(…)</c>, <c>@Html.TrustedUrl(…)</c>.</summary>
    public HtmlHelper Html => EmailTemplate.Html;

    /// <summary>Where output goes while the template runs.</summary>
    public override TextWriter Output => State.Output;

    /// <summary>The token of the render in progress (templates may pass it to their own async calls).</summary>
    protected CancellationToken CancellationToken => State.CancellationToken;

    internal TemplateState State { get; private set; } = TemplateState.Detached;

    TemplateState IRuntimeTemplate.State { get => State; set => State = value; }

    Type IRuntimeTemplate.ModelType => typeof(TModel);

    string? IRuntimeTemplate.Layout { get => Layout; set => Layout = value; }

    IReadOnlyDictionary<string, Func<Task>> IRuntimeTemplate.Sections => _sections;

    void IRuntimeTemplate.AssignModel(object? model)
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
            throw new EmailTemplateModelException(State.Key, typeof(TModel), model?.GetType());
        }
    }

    /// <summary>Writes markup from the template as it is.</summary>
    public override void WriteLiteral(string? value) => Output.Write(value);

    /// <summary>Writes markup from the template as it is.</summary>
    public override void WriteLiteral(object? value) => Output.Write(value?.ToString());

    /// <summary>Writes a value: HTML-encoded in an HTML template unless it is an <see cref="HtmlString"/>.</summary>
    public override void Write(object? value) => _writer.Write(Output, Kind, value);

    /// <summary>Writes text: HTML-encoded in an HTML template.</summary>
    public override void Write(string? value) => TemplateWriter.WriteText(Output, Kind, value);

    /// <summary>Trusted markup written without encoding: <c>@Raw(html)</c>. Never pass user input here.</summary>
    protected static HtmlString Raw(object? value) => EmailTemplate.Html.Raw(value);

    /// <summary>Starts an attribute whose value holds <c>@</c> (Razor's calling convention).</summary>
    public override void BeginWriteAttribute(string name, string prefix, int prefixOffset, string suffix, int suffixOffset, int attributeValuesCount) =>
        _writer.BeginWriteAttribute(Output, name, prefix, suffix, attributeValuesCount);

    /// <summary>Writes one part of an attribute value: literal parts as they are, expressions encoded and, in URL and <c>style</c> attributes, checked (see <see cref="UnsafeAttributeValue"/>).</summary>
    public new void WriteAttributeValue(string prefix, int prefixOffset, object? value, int valueOffset, int valueLength, bool isLiteral) =>
        _writer.WriteAttributeValue(Output, Kind, prefix, value, isLiteral);

    /// <summary>Ends the attribute started by <see cref="BeginWriteAttribute"/>.</summary>
    public override void EndWriteAttribute() => _writer.EndWriteAttribute(Output);

    /// <summary>Declares a section (<c>@section name { … }</c>) for the layout to place with <see cref="RenderSectionAsync(string, bool)"/>.</summary>
    /// <exception cref="InvalidOperationException">The section is defined twice.</exception>
    public void DefineSection(string name, Func<Task> section)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(section);
        if (!_sections.TryAdd(name, section))
        {
            throw new InvalidOperationException($"Section '{name}' is defined twice in template '{State.Key}'.");
        }
    }

    /// <summary>In a layout: the rendered template that uses this layout.</summary>
    /// <exception cref="InvalidOperationException">Called from a template that is not a layout.</exception>
    protected new HtmlString RenderBody() => State.Body is null
        ? throw new InvalidOperationException($"RenderBody() can only be called from a layout ('{State.Key}' is not rendered as one).")
        : new HtmlString(State.Body);

    /// <summary>In a layout: whether the template defines section <paramref name="name"/>.</summary>
    public new bool IsSectionDefined(string name) => State.ParentSections.ContainsKey(name);

    /// <summary>In a layout: renders section <paramref name="name"/> of the template (or nothing when optional and absent).</summary>
    /// <exception cref="InvalidOperationException">A required section is missing.</exception>
    public new async Task<HtmlString> RenderSectionAsync(string name, bool required = true)
    {
        if (!State.ParentSections.TryGetValue(name, out var section))
        {
            return required
                ? throw new InvalidOperationException($"The layout '{State.Key}' requires section '{name}', which the template does not define; add '@section {name} {{ … }}' or render it with required: false.")
                : HtmlString.Empty;
        }

        var owner = State.SectionOwner!.State;
        return await TemplateWriter.CaptureAsync(section, output =>
        {
            var previous = owner.Output;
            owner.Output = output;
            return previous;
        }).ConfigureAwait(false);
    }

    /// <summary>Synchronous form of <see cref="RenderSectionAsync"/> for <c>@RenderSection("x", required: false)</c>.</summary>
    public new HtmlString RenderSection(string name, bool required = true) => RenderSectionAsync(name, required).GetAwaiter().GetResult();

    /// <summary>Renders the partial <paramref name="name"/> (<c>_Button.cshtml</c> is <c>"_Button"</c>) with its own model: <c>@await Partial("_Button", new ButtonModel(…))</c>.</summary>
    /// <exception cref="InvalidOperationException">No such partial, or its model type differs.</exception>
    protected async Task<HtmlString> Partial<TPartialModel>(string name, TPartialModel model)
    {
        var runner = State.Runner ?? throw new InvalidOperationException("Partials can only be rendered while the template is being rendered.");
        var output = await runner.RenderPartialAsync(name, model, State).ConfigureAwait(false);
        return new HtmlString(output);
    }

    /// <summary>Also trusts the markup of RazorLight's own helpers (<see cref="Microsoft.AspNetCore.Html.IHtmlContent"/>).</summary>
    private sealed class RuntimeTemplateWriter : TemplateWriter
    {
        protected override bool TryWriteTrusted(TextWriter output, object value)
        {
            if (value is not Microsoft.AspNetCore.Html.IHtmlContent content)
            {
                return false;
            }

            content.WriteTo(output, HtmlEncoder.Default);
            return true;
        }
    }
}
