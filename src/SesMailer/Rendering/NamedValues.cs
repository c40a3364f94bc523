using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace SesMailer.Rendering;

/// <summary>
/// A dictionary keyed by ordinal strings for the few entries of one render: <c>ViewData</c> (a title, a preheader)
/// and a template's sections. A render creates one of each, and with two or three keys a linear search of one array
/// is quicker than hashing, and allocates one array instead of a <see cref="Dictionary{TKey, TValue}"/>'s three
/// objects. It behaves as a dictionary does: an existing key is replaced by the indexer and rejected by
/// <see cref="Add(string, TValue)"/>, a missing one throws <see cref="KeyNotFoundException"/>.
/// </summary>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed class NamedValues<TValue> : IDictionary<string, TValue>, IReadOnlyDictionary<string, TValue>
{
    private KeyValuePair<string, TValue>[] _entries = [];
    private int _count;

    /// <inheritdoc />
    public int Count => _count;

    /// <inheritdoc />
    public bool IsReadOnly => false;

    /// <inheritdoc />
    public ICollection<string> Keys => Array.ConvertAll(_entries[.._count], entry => entry.Key);

    /// <inheritdoc />
    public ICollection<TValue> Values => Array.ConvertAll(_entries[.._count], entry => entry.Value);

    IEnumerable<string> IReadOnlyDictionary<string, TValue>.Keys => Keys;

    IEnumerable<TValue> IReadOnlyDictionary<string, TValue>.Values => Values;

    /// <inheritdoc />
    public TValue this[string key]
    {
        get => IndexOf(key) is var index and >= 0 ? _entries[index].Value : throw new KeyNotFoundException($"The key '{key}' was not present.");
        set
        {
            var index = IndexOf(key);
            if (index >= 0)
            {
                _entries[index] = new(key, value);
            }
            else
            {
                Append(key, value);
            }
        }
    }

    /// <inheritdoc />
    public void Add(string key, TValue value)
    {
        if (IndexOf(key) >= 0)
        {
            throw new ArgumentException($"An item with the same key has already been added. Key: {key}", nameof(key));
        }

        Append(key, value);
    }

    /// <summary>Adds <paramref name="key"/> unless it is there already; returns whether it was added.</summary>
    public bool TryAdd(string key, TValue value)
    {
        if (IndexOf(key) >= 0)
        {
            return false;
        }

        Append(key, value);
        return true;
    }

    /// <inheritdoc />
    public void Add(KeyValuePair<string, TValue> item) => Add(item.Key, item.Value);

    /// <inheritdoc />
    public void Clear()
    {
        Array.Clear(_entries, 0, _count);
        _count = 0;
    }

    /// <inheritdoc />
    public bool Contains(KeyValuePair<string, TValue> item) =>
        IndexOf(item.Key) is var index and >= 0 && EqualityComparer<TValue>.Default.Equals(_entries[index].Value, item.Value);

    /// <inheritdoc />
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <inheritdoc />
    public void CopyTo(KeyValuePair<string, TValue>[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        _entries.AsSpan(0, _count).CopyTo(array.AsSpan(arrayIndex));
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _entries[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Remove(string key)
    {
        var index = IndexOf(key);
        if (index < 0)
        {
            return false;
        }

        RemoveAt(index);
        return true;
    }

    /// <inheritdoc />
    public bool Remove(KeyValuePair<string, TValue> item)
    {
        if (!Contains(item))
        {
            return false;
        }

        RemoveAt(IndexOf(item.Key));
        return true;
    }

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        var index = IndexOf(key);
        if (index < 0)
        {
            value = default;
            return false;
        }

        value = _entries[index].Value;
        return true;
    }

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private void Append(string key, TValue value)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, Math.Max(4, _count * 2));
        }

        _entries[_count++] = new(key, value);
    }

    private void RemoveAt(int index)
    {
        _count--;
        Array.Copy(_entries, index + 1, _entries, index, _count - index);
        _entries[_count] = default;
    }
}
