using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace SesMailer.Rendering;

/// <summary>
/// The output of a render: a growable character buffer behind the <see cref="TextWriter"/> that templates write to.
/// A render takes its buffers from a small per-thread cache and gives them back when done, so that a template rendered
/// again writes into memory already sized by its previous render; the only allocation left for the output is the final
/// string. Layout bodies, sections and partials are written into (or copied from) these buffers, never through
/// intermediate strings. HTML encoding goes straight into the buffer, and costs a scan only when nothing needs encoding.
/// </summary>
internal sealed class RenderBuffer : TextWriter
{
    private const int InitialCapacity = 1024;

    // A buffer grown beyond this by an unusual render is dropped rather than kept for the life of the thread.
    private const int MaxCachedCapacity = 1024 * 1024;

    private const int CachePerThread = 4;

    [ThreadStatic]
    private static RenderBuffer?[]? t_cache;

    private char[] _chars;
    private int _length;

    private RenderBuffer(int capacity)
        : base(CultureInfo.InvariantCulture) => _chars = new char[capacity];

    /// <inheritdoc />
    public override Encoding Encoding => Encoding.Unicode;

    /// <summary>The number of characters written.</summary>
    public int Length => _length;

    /// <summary>What has been written.</summary>
    public ReadOnlySpan<char> Written => _chars.AsSpan(0, _length);

    /// <summary>A cleared buffer from this thread's cache, or a new one.</summary>
    public static RenderBuffer Rent()
    {
        var cache = t_cache;
        if (cache is not null)
        {
            for (var i = 0; i < cache.Length; i++)
            {
                if (cache[i] is { } buffer)
                {
                    cache[i] = null;
                    return buffer;
                }
            }
        }

        return new RenderBuffer(InitialCapacity);
    }

    /// <summary>Gives <paramref name="buffer"/> back to this thread's cache (it must not be used after this).</summary>
    public static void Return(RenderBuffer buffer)
    {
        buffer._length = 0;
        if (buffer._chars.Length > MaxCachedCapacity)
        {
            return;
        }

        var cache = t_cache ??= new RenderBuffer?[CachePerThread];
        for (var i = 0; i < cache.Length; i++)
        {
            if (cache[i] is null)
            {
                cache[i] = buffer;
                return;
            }
        }
    }

    /// <summary>Forgets what was written after <paramref name="length"/> (a failed partial leaves nothing behind).</summary>
    public void Truncate(int length) => _length = Math.Min(_length, length);

    /// <inheritdoc />
    public override void Write(char value)
    {
        if (_length == _chars.Length)
        {
            Grow(1);
        }

        _chars[_length++] = value;
    }

    /// <inheritdoc />
    public override void Write(string? value)
    {
        if (value is not null)
        {
            Write(value.AsSpan());
        }
    }

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (_chars.Length - _length < buffer.Length)
        {
            Grow(buffer.Length);
        }

        buffer.CopyTo(_chars.AsSpan(_length));
        _length += buffer.Length;
    }

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    /// <inheritdoc />
    public override void Write(StringBuilder? value)
    {
        if (value is null)
        {
            return;
        }

        foreach (var chunk in value.GetChunks())
        {
            Write(chunk.Span);
        }
    }

    /// <summary>Writes <paramref name="value"/> HTML-encoded by <paramref name="encoder"/>, encoding into the buffer itself.</summary>
    public void WriteEncoded(HtmlEncoder encoder, ReadOnlySpan<char> value)
    {
        while (true)
        {
            // Most values need no encoding at all; one that does grows by a few characters per encoded one.
            if (_chars.Length - _length < value.Length)
            {
                Grow(value.Length);
            }

            var status = encoder.Encode(value, _chars.AsSpan(_length), out var consumed, out var written, isFinalBlock: true);
            _length += written;
            if (status == OperationStatus.Done)
            {
                return;
            }

            value = value[consumed..];
            Grow(Math.Max(value.Length, 16));
        }
    }

    /// <inheritdoc />
    public override string ToString() => new(_chars, 0, _length);

    private void Grow(int needed)
    {
        var capacity = Math.Max(_chars.Length * 2, _length + needed);
        Array.Resize(ref _chars, capacity);
    }
}
