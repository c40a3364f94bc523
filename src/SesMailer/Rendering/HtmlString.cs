namespace SesMailer.Rendering;

/// <summary>Markup that templates write without encoding: trusted HTML, a rendered partial, a layout's body.</summary>
/// <param name="Value">The markup.</param>
public sealed record HtmlString(string Value)
{
    /// <summary>The empty markup.</summary>
    public static readonly HtmlString Empty = new(string.Empty);

    /// <inheritdoc />
    public override string ToString() => Value;
}
