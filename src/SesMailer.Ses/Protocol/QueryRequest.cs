using System.Text;
using SesMailer.Ses.Signing;
using SesMailer.Ses.Model;

namespace SesMailer.Ses.Protocol;

/// <summary>
/// The form body of one SES Query API call: <c>Action=X&amp;Version=2010-12-01&amp;…</c>, lists as
/// <c>Name.member.N</c> (1-based), structures dotted.
/// </summary>
internal sealed class QueryRequest
{
    public const string ApiVersion = "2010-12-01";

    private readonly List<KeyValuePair<string, string>> _parameters = [];

    public QueryRequest(string action)
    {
        Action = action;
        Add("Action", action);
        Add("Version", ApiVersion);
    }

    /// <summary>The SES action, for example <c>SendRawEmail</c>.</summary>
    public string Action { get; }

    /// <summary>Whether sending it twice could do the work twice (sends): such a call is never resent once its body left.</summary>
    public bool IsIdempotent { get; init; } = true;

    /// <summary>The parameters in the order they were added.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters => _parameters;

    public QueryRequest Add(string name, string value)
    {
        _parameters.Add(new(name, value));
        return this;
    }

    public QueryRequest AddIfPresent(string name, string? value) => value is null ? this : Add(name, value);

    public QueryRequest AddList(string name, IEnumerable<string> values)
    {
        var index = 1;
        foreach (var value in values)
        {
            Add($"{name}.member.{index++}", value);
        }

        return this;
    }

    public QueryRequest AddTags(IReadOnlyList<SesMessageTag> tags)
    {
        for (var i = 0; i < tags.Count; i++)
        {
            Add($"Tags.member.{i + 1}.Name", tags[i].Name);
            Add($"Tags.member.{i + 1}.Value", tags[i].Value);
        }

        return this;
    }

    /// <summary>The <c>application/x-www-form-urlencoded</c> body, RFC 3986 percent-encoding, UTF-8.</summary>
    public byte[] ToFormBody()
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in _parameters)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(CanonicalRequest.UriEncode(name)).Append('=').Append(CanonicalRequest.UriEncode(value));
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}
