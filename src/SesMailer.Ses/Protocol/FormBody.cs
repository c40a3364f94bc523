using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace SesMailer.Ses.Protocol;

/// <summary>
/// An <c>application/x-www-form-urlencoded</c> body held in pooled segments, written once and read (hashed, sent,
/// re-sent by a retry) as often as needed. A SendRawEmail body is the whole message in base64, up to ~13 MB: encoding
/// it straight into pooled bytes avoids the base64 string, the escaped string and their UTF-8 copy.
/// </summary>
/// <remarks>
/// The buffers go back to the pool only when the owner disposed the body <b>and</b> no write of it to the network is
/// still running: the HTTP stack may keep writing a request body after it returned the answer (an early error answer),
/// and a buffer reused by then would send another message's bytes.
/// </remarks>
internal sealed class FormBody : IDisposable
{
    private const int SegmentSize = 64 * 1024;

    // Base64 of this many input bytes is a whole number of quanta (no padding in the middle).
    private const int Base64InputChunk = 3 * 1024;

    private readonly List<byte[]> _segments = [];
    private int _lastUsed;
    private int _references = 1;
    private bool _frozen;
    private bool _disposed;

    /// <summary>The number of bytes written.</summary>
    public long Length { get; private set; }

    /// <summary>Appends ASCII bytes that need no encoding (names, <c>=</c>, <c>&amp;</c>).</summary>
    public void AppendRaw(ReadOnlySpan<byte> ascii)
    {
        while (!ascii.IsEmpty)
        {
            var target = Available();
            var count = Math.Min(target.Length, ascii.Length);
            ascii[..count].CopyTo(target);
            Advance(count);
            ascii = ascii[count..];
        }
    }

    /// <summary>Appends <paramref name="ascii"/> (already percent-encoded text).</summary>
    public void AppendAscii(string ascii)
    {
        Span<byte> buffer = stackalloc byte[256];
        var remaining = ascii.AsSpan();
        while (!remaining.IsEmpty)
        {
            var count = Math.Min(buffer.Length, remaining.Length);
            for (var i = 0; i < count; i++)
            {
                buffer[i] = (byte)remaining[i];
            }

            AppendRaw(buffer[..count]);
            remaining = remaining[count..];
        }
    }

    /// <summary>
    /// Appends the base64 of <paramref name="data"/>, percent-encoded for a form: <c>+</c>, <c>/</c> and <c>=</c> are
    /// reserved there and become <c>%2B</c>, <c>%2F</c>, <c>%3D</c>; every other base64 character is unreserved.
    /// </summary>
    public void AppendBase64Encoded(ReadOnlySpan<byte> data)
    {
        Span<byte> encoded = stackalloc byte[Base64InputChunk / 3 * 4];
        while (!data.IsEmpty)
        {
            var chunk = data[..Math.Min(Base64InputChunk, data.Length)];
            data = data[chunk.Length..];
            Base64.EncodeToUtf8(chunk, encoded, out _, out var written, isFinalBlock: data.IsEmpty);
            AppendPercentEncodedBase64(encoded[..written]);
        }
    }

    /// <summary>The lower-case hex SHA-256 of the body (the SigV4 payload hash).</summary>
    public string HexSha256()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var segment in Segments())
        {
            hash.AppendData(segment.Span);
        }

        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>The body as one array (tests and diagnostics only: the send path never copies it).</summary>
    public byte[] ToArray()
    {
        var result = new byte[Length];
        var offset = 0;
        foreach (var segment in Segments())
        {
            segment.Span.CopyTo(result.AsSpan(offset));
            offset += segment.Length;
        }

        return result;
    }

    /// <summary>Writes the body to <paramref name="stream"/>; the buffers stay alive until the write ends.</summary>
    public async Task WriteToAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _references) <= 1)
        {
            // Disposed already (its count reached zero): the buffers may belong to someone else by now.
            Interlocked.Decrement(ref _references);
            throw new ObjectDisposedException(nameof(FormBody));
        }

        try
        {
            _frozen = true;
            for (var i = 0; i < _segments.Count; i++)
            {
                var used = i == _segments.Count - 1 ? _lastUsed : _segments[i].Length;
                await stream.WriteAsync(_segments[i].AsMemory(0, used), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The owner's reference; a running write holds its own.
        if (!_disposed)
        {
            _disposed = true;
            Release();
        }
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _references) != 0)
        {
            return;
        }

        foreach (var segment in _segments)
        {
            ArrayPool<byte>.Shared.Return(segment);
        }

        _segments.Clear();
        _lastUsed = 0;
    }

    private IEnumerable<ReadOnlyMemory<byte>> Segments()
    {
        for (var i = 0; i < _segments.Count; i++)
        {
            yield return _segments[i].AsMemory(0, i == _segments.Count - 1 ? _lastUsed : _segments[i].Length);
        }
    }

    private void AppendPercentEncodedBase64(ReadOnlySpan<byte> base64)
    {
        while (!base64.IsEmpty)
        {
            // Copy the run of unreserved characters in one go, then escape the one reserved character after it.
            var run = base64.IndexOfAny("+/="u8);
            var plain = run < 0 ? base64 : base64[..run];
            AppendRaw(plain);
            if (run < 0)
            {
                return;
            }

            AppendRaw(base64[run] switch
            {
                (byte)'+' => "%2B"u8,
                (byte)'/' => "%2F"u8,
                _ => "%3D"u8,
            });
            base64 = base64[(run + 1)..];
        }
    }

    private Span<byte> Available()
    {
        if (_frozen || _disposed)
        {
            throw new InvalidOperationException("The form body is complete: it cannot grow once it was sent or disposed.");
        }

        if (_segments.Count == 0 || _lastUsed == _segments[^1].Length)
        {
            _segments.Add(ArrayPool<byte>.Shared.Rent(SegmentSize));
            _lastUsed = 0;
        }

        return _segments[^1].AsSpan(_lastUsed);
    }

    private void Advance(int count)
    {
        _lastUsed += count;
        Length += count;
    }
}
