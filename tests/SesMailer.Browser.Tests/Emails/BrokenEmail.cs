using SesMailer;

namespace SesMailer.Browser.Tests.Emails;

/// <summary>An email whose template throws on its third line: the preview page must show that template and line.</summary>
[Email(Subject = "Broken")]
public sealed partial record BrokenEmail(string Name)
{
    /// <summary>Throws, as a template calling into a model that cannot serve it would.</summary>
    public string Explode() => Name.Length < 0 ? Name : throw new InvalidOperationException("the sample has no order lines");

    /// <summary>The one sample, which fails to render.</summary>
    [EmailPreview("Explodes")]
    public static BrokenEmail Explodes() => new("Ann");
}
