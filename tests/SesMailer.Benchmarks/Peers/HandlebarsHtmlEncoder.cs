using System.Text;
using HandlebarsDotNet;
using Encoder = System.Text.Encodings.Web.HtmlEncoder;

namespace SesMailer.Benchmarks.Peers;

/// <summary>Handlebars.Net's encoding hook, encoding with <see cref="Encoder.Default"/> (what SesMailer's templates use).</summary>
public sealed class HandlebarsHtmlEncoder : ITextEncoder
{
    /// <inheritdoc />
    public void Encode(StringBuilder? text, TextWriter target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (text is not null)
        {
            Encoder.Default.Encode(target, text.ToString());
        }
    }

    /// <inheritdoc />
    public void Encode(string? text, TextWriter target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (text is not null)
        {
            Encoder.Default.Encode(target, text);
        }
    }

    /// <inheritdoc />
    public void Encode<T>(T? text, TextWriter target)
        where T : IEnumerator<char>
    {
        ArgumentNullException.ThrowIfNull(target);
        if (text is null)
        {
            return;
        }

        var builder = new StringBuilder();
        while (text.MoveNext())
        {
            builder.Append(text.Current);
        }

        Encoder.Default.Encode(target, builder.ToString());
    }
}
