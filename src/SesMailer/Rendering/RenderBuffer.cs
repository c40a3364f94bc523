using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace SesMailer.Rendering;

/// <summary>
/// The output of a render: a growable character buffer behind the <see cref="TextWriter"/> that templates write to.
/// A render takes its buffers from a small per-thread cache and gives them back when done, so that a template rendered
/// again writes into memory already sized by its previous render; the only allocation left for the output is the final
/// string. Sections and partials are written into these buffers, never through intermediate strings; a layout's body
/// is not copied at all: the layout's buffer keeps a reference to the body's buffer where the layout places it, and
/// the final string is assembled from the pieces once, at its exact length. HTML encoding goes straight into the
/// buffer, and costs a scan only when nothing needs encoding.
/// </summary>
internal sealed class RenderBuffer : TextWriter
{
    private const int InitialCapacity = 1024;

    // A buffer grown beyond this by an unusual render is dropped rather than kept for the life of the thread.
    private const int MaxCachedCapacity = 1024 * 1024;

    private const int CachePerThread = 4;

    /// <summary>
    /// The printable ASCII characters that <see cref="HtmlEncoder.Default"/> writes as they are, found by asking it (so
    /// that a change of the encoder cannot make the copy in <see cref="WriteHtmlEncoded"/> differ from its output). ASCII
    /// characters are never half of a surrogate pair, so each one encodes the same alone as within a value.
    /// </summary>
    internal static readonly SearchValues<char> Unencoded = SearchValues.Create(UnencodedAscii());

    [ThreadStatic]
    private static RenderBuffer?[]? t_cache;

    private char[] _chars;
    private int _length;

    // Buffers placed into this one without a copy (a layout's body): each at the position in _chars it precedes.
    private List<(int Position, RenderBuffer Piece)>? _pieces;
    private int _pieceCount;
    private int _pieceLength;

    private RenderBuffer(int capacity)
        : base(CultureInfo.InvariantCulture) => _chars = new char[capacity];

    /// <inheritdoc />
    public override Encoding Encoding => Encoding.Unicode;

    /// <summary>The number of characters written into this buffer itself (placed buffers not counted): a position to <see cref="Truncate"/> to.</summary>
    public int Length => _length;

    /// <summary>The number of characters of the whole output: this buffer's and those of the buffers placed into it.</summary>
    public int TotalLength => _length + _pieceLength;

    /// <summary>
    /// The buffer this one was rendered after and holds by reference (a layout's body): it goes back to the cache
    /// with this one, and not before, since this one's output still reads it.
    /// </summary>
    public RenderBuffer? Owned { get; set; }

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
        if (buffer.Owned is { } owned)
        {
            buffer.Owned = null;
            Return(owned);
        }

        buffer._length = 0;
        buffer._pieceCount = 0;
        buffer._pieceLength = 0;
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
    public void Truncate(int length)
    {
        _length = Math.Min(_length, length);
        while (_pieceCount > 0 && _pieces![_pieceCount - 1].Position > _length)
        {
            _pieceCount--;
            _pieceLength -= _pieces[_pieceCount].Piece.TotalLength;
        }
    }

    /// <summary>
    /// Places the whole of <paramref name="piece"/> here, by reference: the output reads it where this buffer is now.
    /// <paramref name="piece"/> must not change nor go back to the cache while this buffer is in use (see <see cref="Owned"/>).
    /// </summary>
    public void Place(RenderBuffer piece)
    {
        if (piece.TotalLength == 0)
        {
            return;
        }

        _pieces ??= new List<(int Position, RenderBuffer Piece)>(1);
        var entry = (_length, piece);
        if (_pieceCount < _pieces.Count)
        {
            _pieces[_pieceCount] = entry;
        }
        else
        {
            _pieces.Add(entry);
        }

        _pieceCount++;
        _pieceLength += piece.TotalLength;
    }

    /// <summary>Writes the whole output (this buffer with the buffers placed into it) to <paramref name="output"/>.</summary>
    public void WriteTo(TextWriter output)
    {
        var own = 0;
        for (var i = 0; i < _pieceCount; i++)
        {
            var (position, piece) = _pieces![i];
            output.Write(_chars.AsSpan(own, position - own));
            piece.WriteTo(output);
            own = position;
        }

        output.Write(_chars.AsSpan(own, _length - own));
    }

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

    /// <summary>Writes <paramref name="value"/> HTML-encoded by <see cref="HtmlEncoder.Default"/>, encoding into the buffer itself.</summary>
    /// <remarks>
    /// The encoder costs a call and its setup even for a value with nothing to encode, and most values (names,
    /// numbers, dates) have nothing to encode. The leading run of characters that the encoder leaves as they are
    /// (<see cref="Unencoded"/>, asked of the encoder itself) is copied straight away, and only the rest, if any, goes
    /// through the encoder: the output is the encoder's, character for character.
    /// </remarks>
    public void WriteHtmlEncoded(ReadOnlySpan<char> value)
    {
        var plain = value.IndexOfAnyExcept(Unencoded);
        if (plain < 0)
        {
            Write(value);
            return;
        }

        Write(value[..plain]);
        value = value[plain..];
        var encoder = HtmlEncoder.Default;
        while (true)
        {
            // A value that needs encoding grows by a few characters per encoded one.
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

    /// <summary>The whole output as one string, built once at its exact length.</summary>
    public override string ToString() => _pieceCount == 0
        ? new string(_chars, 0, _length)
        : string.Create(TotalLength, this, static (destination, buffer) => buffer.CopyTo(destination));

    /// <summary>The written characters of a buffer with nothing placed into it (an attribute value).</summary>
    public ReadOnlySpan<char> Written => _pieceCount == 0
        ? _chars.AsSpan(0, _length)
        : throw new InvalidOperationException("A buffer with placed pieces has no single span; use WriteTo or ToString.");

    private int CopyTo(Span<char> destination)
    {
        var own = 0;
        var at = 0;
        for (var i = 0; i < _pieceCount; i++)
        {
            var (position, piece) = _pieces![i];
            _chars.AsSpan(own, position - own).CopyTo(destination[at..]);
            at += position - own;
            at += piece.CopyTo(destination[at..]);
            own = position;
        }

        _chars.AsSpan(own, _length - own).CopyTo(destination[at..]);
        return at + _length - own;
    }

    private static string UnencodedAscii()
    {
        var plain = new StringBuilder();
        for (var c = (char)0x20; c < 0x7F; c++)
        {
            var text = c.ToString();
            if (HtmlEncoder.Default.Encode(text) == text)
            {
                plain.Append(c);
            }
        }

        return plain.ToString();
    }

    private void Grow(int needed)
    {
        var capacity = Math.Max(_chars.Length * 2, _length + needed);
        Array.Resize(ref _chars, capacity);
    }
}
