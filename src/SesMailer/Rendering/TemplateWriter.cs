using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;

namespace SesMailer.Rendering;

/// <summary>
/// How a template's output is written: values HTML-encoded in HTML templates (as they are in text templates),
/// <see cref="HtmlString"/> trusted, and Razor's attribute calling convention (<c>BeginWriteAttribute</c> /
/// <c>WriteAttributeValue</c> / <c>EndWriteAttribute</c>), under which a value from code cannot make a URL attribute
/// run script nor take a <c>style</c> attribute out of its CSS value (see <see cref="UnsafeAttributeValue"/>). Shared by
/// the generated templates (<see cref="EmailTemplate"/>) and the run-time ones of SesMailer.RazorLight, so that one
/// <c>.cshtml</c> renders the same both ways.
/// </summary>
/// <remarks>Plumbing for template base classes, not for application code. One instance per template instance: it holds
/// the attribute being written.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public class TemplateWriter
{
    [ThreadStatic]
    private static TemplateWriter? t_cached;

    private readonly AttributeValue _value = new();
    private AttributeState _attribute;

    // The checks of the last attribute names seen: Razor passes each name as the same literal string, so an attribute
    // written once per row of a loop is classified once, not per row, and so are a partial's few attributes (a button's
    // bgcolor, style and href) when the partial is rendered again with this thread's writer.
    private readonly string?[] _classifiedNames = new string?[4];
    private readonly AttributeKind[] _classifiedChecks = new AttributeKind[4];
    private int _nextClassified;

    /// <summary>A writer with no attribute in progress, from this thread's cache (one) or new.</summary>
    internal static TemplateWriter Rent()
    {
        var writer = t_cached;
        if (writer is null)
        {
            return new TemplateWriter();
        }

        t_cached = null;
        return writer;
    }

    /// <summary>Keeps <paramref name="writer"/>, whose attribute has ended, for the next <see cref="Rent"/> on this thread.</summary>
    internal static void Return(TemplateWriter writer)
    {
        if (writer.GetType() == typeof(TemplateWriter))
        {
            t_cached = writer;
        }
    }

    /// <summary>Writes text: HTML-encoded when <paramref name="kind"/> is <see cref="TemplateKind.Html"/>.</summary>
    public static void WriteText(TextWriter output, TemplateKind kind, string? value)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (kind == TemplateKind.Html && output is RenderBuffer buffer)
        {
            buffer.WriteHtmlEncoded(value);
            return;
        }

        output.Write(kind == TemplateKind.Html ? HtmlEncoder.Default.Encode(value) : value);
    }

    /// <summary>
    /// Writes a value: nothing for <see langword="null"/>, an <see cref="HtmlString"/> as it is, a <see cref="TrustedUrl"/>
    /// as its text, anything else as text (current culture).
    /// </summary>
    public void Write(TextWriter output, TemplateKind kind, object? value) => WriteValue(output, kind, value);

    /// <summary>
    /// <see cref="Write"/> for a template that may have no writer yet: only <see cref="TryWriteTrusted"/> of a derived
    /// writer needs an instance, and the base one trusts nothing.
    /// </summary>
    internal static void WriteValue(TextWriter output, TemplateKind kind, object? value, TemplateWriter? writer)
    {
        if (writer is not null)
        {
            writer.WriteValue(output, kind, value);
            return;
        }

        ArgumentNullException.ThrowIfNull(output);
        switch (value)
        {
            case null:
                return;
            case string text:
                WriteText(output, kind, text);
                return;
            case HtmlString html:
                output.Write(html.Value);
                return;
            case TrustedUrl url:
                WriteText(output, kind, url.Value);
                return;
            default:
                WriteFormatted(output, kind, value);
                return;
        }
    }

    /// <summary>Starts an attribute whose value holds <c>@</c> (Razor's calling convention).</summary>
    /// <remarks>
    /// The value is kept until <see cref="EndWriteAttribute"/>, which checks it as a whole in HTML templates: a URL
    /// attribute or a <c>style</c> attribute that a value from code makes unsafe is written as
    /// <see cref="UnsafeAttributeValue.Url"/> or <see cref="UnsafeAttributeValue.Style"/>.
    /// </remarks>
    public void BeginWriteAttribute(TextWriter output, string name, string prefix, string suffix, int attributeValuesCount)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(name);
        _value.Clear();
        _attribute = new AttributeState(name, prefix, suffix, attributeValuesCount, Checks(name), TemplateKind.Html, Suppressed: false);
    }

    /// <summary>Writes one part of an attribute value: literal parts as they are, expressions as <see cref="Write"/> does.</summary>
    public void WriteAttributeValue(TextWriter output, TemplateKind kind, string prefix, object? value, bool isLiteral)
    {
        ArgumentNullException.ThrowIfNull(output);
        _attribute = _attribute with { Kind = kind };
        if (_attribute.Count == 1 && string.IsNullOrEmpty(prefix))
        {
            // A single null or false value drops the whole attribute; true writes its name (as in ASP.NET Core).
            if (value is null || value is false)
            {
                _attribute = _attribute with { Suppressed = true };
                return;
            }

            if (value is true)
            {
                _value.Writer.Write(_attribute.Name);
                return;
            }
        }

        _value.Writer.Write(prefix);
        if (isLiteral)
        {
            _value.Writer.Write(value as string);
            return;
        }

        var start = _value.Length;
        var trusted = WriteValue(_value.Writer, kind, value);
        if (!trusted)
        {
            _value.MarkCode(start, value is TrustedUrl);
        }
    }

    /// <summary>Ends the attribute started by <see cref="BeginWriteAttribute"/>: writes it, or nothing when its single value was null or false.</summary>
    public void EndWriteAttribute(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!_attribute.Suppressed)
        {
            output.Write(_attribute.Prefix);
            if (CheckedValue() is { } replacement)
            {
                output.Write(replacement);
            }
            else
            {
                output.Write(_value.Span);
            }

            output.Write(_attribute.Suffix);
        }

        _attribute = default;
        _value.Clear();
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

    /// <summary>Writes <paramref name="value"/>; returns whether it is markup written as it is (which no check looks at).</summary>
    private bool WriteValue(TextWriter output, TemplateKind kind, object? value)
    {
        ArgumentNullException.ThrowIfNull(output);
        switch (value)
        {
            case null:
                return false;
            case HtmlString html:
                output.Write(html.Value);
                return true;
            case TrustedUrl url:
                WriteText(output, kind, url.Value);
                return false;
            default:
                if (TryWriteTrusted(output, value))
                {
                    return true;
                }

                WriteFormatted(output, kind, value);
                return false;
        }
    }

    /// <summary>
    /// Writes <paramref name="value"/> as text in the current culture, as <see cref="Convert.ToString(object, IFormatProvider)"/>
    /// does. The runtime's own numbers and dates format the same through <see cref="ISpanFormattable.TryFormat"/>
    /// with no format, which writes them into a stack buffer instead of a string first.
    /// </summary>
    [SkipLocalsInit]
    private static void WriteFormatted(TextWriter output, TemplateKind kind, object value)
    {
        if (output is RenderBuffer buffer && IsRuntimeFormattable(value))
        {
            Span<char> formatted = stackalloc char[64];
            if (((ISpanFormattable)value).TryFormat(formatted, out var length, default, CultureInfo.CurrentCulture))
            {
                WriteFormattedText(buffer, kind, formatted[..length]);
                return;
            }
        }

        WriteText(output, kind, Convert.ToString(value, CultureInfo.CurrentCulture));
    }

    /// <summary>
    /// <see cref="WriteValue(TextWriter, TemplateKind, object?, TemplateWriter?)"/> for a value whose type is known where
    /// it is written: one of the runtime's numbers or dates (or a <see cref="Money"/>) is formatted as that method
    /// formats it, without boxing it first; any other value is written by that method.
    /// </summary>
    [SkipLocalsInit]
    internal static void WriteValue<T>(TextWriter output, TemplateKind kind, T value)
        where T : ISpanFormattable
    {
        if (typeof(T).IsValueType && SpanFormatsLikeToString<T>.Value && output is RenderBuffer buffer)
        {
            Span<char> formatted = stackalloc char[64];
            if (value.TryFormat(formatted, out var length, default, CultureInfo.CurrentCulture))
            {
                WriteFormattedText(buffer, kind, formatted[..length]);
                return;
            }
        }

        WriteValue(output, kind, value, writer: null);
    }

    /// <summary>
    /// Writes what <c>value.ToString(format, provider)</c> returns, as <see cref="WriteText"/> would write that string,
    /// but formatted into a stack buffer instead of a string first when <typeparamref name="T"/> is one of the
    /// runtime's numbers and dates (or <see cref="Money"/>), whose <c>TryFormat</c> is known to write what <c>ToString</c> returns.
    /// </summary>
    [SkipLocalsInit]
    internal static void WriteFormatted<T>(TextWriter output, TemplateKind kind, T value, string? format, IFormatProvider? provider)
        where T : ISpanFormattable
    {
        if (output is RenderBuffer buffer && SpanFormatsLikeToString<T>.Value)
        {
            Span<char> formatted = stackalloc char[128];
            if (value.TryFormat(formatted, out var length, format, provider))
            {
                WriteFormattedText(buffer, kind, formatted[..length]);
                return;
            }
        }

        WriteText(output, kind, value.ToString(format, provider));
    }

    /// <summary>Writes text a value was formatted into: HTML-encoded in an HTML template, as it is in a text one.</summary>
    private static void WriteFormattedText(RenderBuffer buffer, TemplateKind kind, ReadOnlySpan<char> text)
    {
        if (kind == TemplateKind.Html)
        {
            buffer.WriteHtmlEncoded(text);
        }
        else
        {
            buffer.Write(text);
        }
    }

    /// <summary>
    /// Types whose <c>TryFormat</c> is known to write what <c>ToString</c> returns with the same format and provider
    /// (one list, which <see cref="SpanFormatsLikeToString{T}"/> reads too).
    /// </summary>
    private static bool IsRuntimeFormattable(object value) => IsRuntimeFormattableType(value.GetType());

    private static bool IsRuntimeFormattableType(Type type) => type == typeof(int) || type == typeof(long) || type == typeof(decimal)
        || type == typeof(double) || type == typeof(float) || type == typeof(short) || type == typeof(byte) || type == typeof(uint)
        || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
        || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(Money);

    /// <summary>The checks of attribute <paramref name="name"/>, remembered by reference for the last four names.</summary>
    private AttributeKind Checks(string name)
    {
        for (var i = 0; i < _classifiedNames.Length; i++)
        {
            if (ReferenceEquals(_classifiedNames[i], name))
            {
                return _classifiedChecks[i];
            }
        }

        var checks = AttributeChecks.Classify(name);
        _classifiedNames[_nextClassified] = name;
        _classifiedChecks[_nextClassified] = checks;
        _nextClassified = (_nextClassified + 1) % _classifiedNames.Length;
        return checks;
    }

    /// <summary>What replaces the value when a check fails, or <see langword="null"/> to write the value as it is.</summary>
    private string? CheckedValue()
    {
        if (_attribute.Kind != TemplateKind.Html || !_value.HasCode)
        {
            return null;
        }

        return _attribute.Checks switch
        {
            AttributeKind.Url when AttributeChecks.IsUnsafeUrl(_value) => UnsafeAttributeValue.Url,
            AttributeKind.Style when AttributeChecks.IsUnsafeStyle(_value) => UnsafeAttributeValue.Style,
            _ => null,
        };
    }

    /// <summary>Whether <typeparamref name="T"/> is one of the types of <see cref="IsRuntimeFormattable"/>, asked once per type.</summary>
    private static class SpanFormatsLikeToString<T>
    {
        public static readonly bool Value = IsRuntimeFormattableType(typeof(T));
    }

    private readonly record struct AttributeState(string Name, string Prefix, string Suffix, int Count, AttributeKind Checks, TemplateKind Kind, bool Suppressed);
}
