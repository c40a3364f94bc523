using SesMailer.Rendering;

namespace SesMailer.Tests.Rendering;

/// <summary>The small ordinal dictionary behind <c>ViewData</c> and sections behaves as a <see cref="Dictionary{TKey, TValue}"/> does.</summary>
public class NamedValuesTests
{
    [Fact]
    public void It_adds_replaces_finds_removes_and_keeps_insertion_order()
    {
        var values = new NamedValues<object?>();
        for (var i = 0; i < 10; i++)
        {
            values.Add("key" + i, i);
        }

        values["key3"] = "three";
        values["Key3"] = "other case";

        Assert.Equal(11, values.Count);
        Assert.Equal("three", values["key3"]);
        Assert.Equal("other case", values["Key3"]);
        Assert.Throws<ArgumentException>(() => values.Add("key1", 1));
        Assert.False(values.TryAdd("key1", 1));
        Assert.Throws<KeyNotFoundException>(() => values["missing"]);
        Assert.False(values.TryGetValue("missing", out _));
        Assert.Throws<ArgumentNullException>(() => values[null!]);
        Assert.True(values.Remove("key0"));
        Assert.False(values.Remove("key0"));
        Assert.False(values.Remove(new KeyValuePair<string, object?>("key1", 2)));
        Assert.True(values.Remove(new KeyValuePair<string, object?>("key1", 1)));
        Assert.Equal(["key2", "key3", "key4", "key5", "key6", "key7", "key8", "key9", "Key3"], values.Keys);
        Assert.Equal(["key2", "key3", "key4", "key5", "key6", "key7", "key8", "key9", "Key3"], values.Select(pair => pair.Key));
        var copy = new KeyValuePair<string, object?>[10];
        values.CopyTo(copy, 1);
        Assert.Equal("key2", copy[1].Key);
        values.Clear();
        Assert.Empty(values);
    }
}
