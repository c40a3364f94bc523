namespace SesMailer.TestSupport.Net;

/// <summary>Decodes an <c>application/x-www-form-urlencoded</c> body, the way AWS Query APIs receive it.</summary>
internal static class FormBody
{
    /// <summary>The decoded name/value pairs, in order.</summary>
    public static List<KeyValuePair<string, string>> Parse(string form)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var pair in form.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? pair : pair[..eq];
            var value = eq < 0 ? string.Empty : pair[(eq + 1)..];
            result.Add(new(Decode(key), Decode(value)));
        }

        return result;

        static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
    }
}
