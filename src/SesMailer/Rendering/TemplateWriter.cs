using System.ComponentModel;
using System.Globalization;
using System.Text.Encodings.Web;

namespace SesMailer.Rendering;

/// <summary>
/// How a template's output is written: values HTML-encoded in HTML templates (as they are in text templates),
/// <see cref="HtmlString"/> trusted, and Razor's attribute calling convention (<c>BeginWriteAttribute</c> /
/// <c>WriteAttributeValue</c> / <c>EndWriteAttribute</c>). Shared by the generated templates (<see cref="EmailTemplate"/>)
/// and the run-time ones of SesMailer.RazorLight, so that one <c>.cshtml</c> renders the same both ways.
/// </summary>
/// <remarks>Plumbing for template base classes, not for application code. One instance per template instance: it holds
/// the state of the attribute being written.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public class TemplateWriter
{
    private AttributeState _attribute;

    /// <summary>Writes text: HTML-encoded when <paramref name="kind"/> is <see cref="TemplateKind.Html"/>.</summary>
    public static void WriteText(TextWriter output, TemplateKind kind, string? value)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        output.Write(kind == TemplateKind.Html ? HtmlEncoder.Default.Encode(value) : value);
    }

    /// <summary>Writes a value: nothing for <see langword="null"/>, an <see cref="HtmlString"/> as it is, anything else as text (current culture).</summary>
    public void Write(TextWriter output, TemplateKind kind, object? value)
    {
        ArgumentNullException.ThrowIfNull(output);
        switch (value)
        {
            case null:
                return;
            case HtmlString html:
                output.Write(html.Value);
                return;
            default:
                if (!TryWriteTrusted(output, value))
                {
                    WriteText(output, kind, Convert.ToString(value, CultureInfo.CurrentCulture));
                }

                return;
        }
    }

    /// <summary>Starts an attribute whose value holds <c>@</c> (Razor's calling convention).</summary>
    public void BeginWriteAttribute(TextWriter output, string name, string prefix, string suffix, int attributeValuesCount)
    {
        ArgumentNullException.ThrowIfNull(output);
        _attribute = new AttributeState(name, prefix, suffix, attributeValuesCount, Suppressed: false, PrefixWritten: false);
        // With a single value, wait: a null or false value drops the whole attribute (as in ASP.NET Core).
        if (attributeValuesCount != 1)
        {
            output.Write(prefix);
            _attribute = _attribute with { PrefixWritten = true };
        }
    }

    /// <summary>Writes one part of an attribute value: literal parts as they are, expressions as <see cref="Write"/> does.</summary>
    public void WriteAttributeValue(TextWriter output, TemplateKind kind, string prefix, object? value, bool isLiteral)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_attribute.Count == 1)
        {
            if (string.IsNullOrEmpty(prefix) && (value is null || value is false))
            {
                _attribute = _attribute with { Suppressed = true };
                return;
            }

            if (string.IsNullOrEmpty(prefix) && value is true)
            {
                value = _attribute.Name;
            }
        }

        if (!_attribute.PrefixWritten)
        {
            output.Write(_attribute.Prefix);
            _attribute = _attribute with { PrefixWritten = true };
        }

        output.Write(prefix);
        if (isLiteral)
        {
            output.Write(value as string);
        }
        else
        {
            Write(output, kind, value);
        }
    }

    /// <summary>Ends the attribute started by <see cref="BeginWriteAttribute"/>.</summary>
    public void EndWriteAttribute(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!_attribute.Suppressed)
        {
            if (!_attribute.PrefixWritten)
            {
                output.Write(_attribute.Prefix);
            }

            output.Write(_attribute.Suffix);
        }

        _attribute = default;
    }

    /// <summary>
    /// Runs <paramref name="write"/> (a section's code, which writes to its own template's output) with that output
    /// pointed at a buffer, and returns what it wrote. <paramref name="redirect"/> sets the template's output and
    /// returns the previous one; the previous output is restored even when <paramref name="write"/> fails.
    /// </summary>
    public static async Task<HtmlString> CaptureAsync(Func<Task> write, Func<TextWriter, TextWriter> redirect)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(redirect);
        using var buffer = new StringWriter(CultureInfo.InvariantCulture);
        var saved = redirect(buffer);
        try
        {
            await write().ConfigureAwait(false);
        }
        finally
        {
            redirect(saved);
        }

        return new HtmlString(buffer.ToString());
    }

    /// <summary>
    /// Writes <paramref name="value"/> without encoding when it is markup another engine marks as trusted, and says so.
    /// <value>The default writes nothing and returns <see langword="false"/>.</value>
    /// </summary>
    protected virtual bool TryWriteTrusted(TextWriter output, object value) => false;

    private readonly record struct AttributeState(string Name, string Prefix, string Suffix, int Count, bool Suppressed, bool PrefixWritten);
}
