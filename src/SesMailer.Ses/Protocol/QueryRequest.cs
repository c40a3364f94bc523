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

    // Binary parameters (base64 in the body), kept as bytes until the body is written: at most one per call today.
    private readonly List<(int Index, ReadOnlyMemory<byte> Data)> _binary = [];

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

    public QueryRequest Add(string name, string value)
    {
        _parameters.Add(new(name, value));
        return this;
    }

    /// <summary>Adds <paramref name="data"/>, base64-encoded (it is encoded straight into the body, never into a string).</summary>
    public QueryRequest AddBase64(string name, ReadOnlyMemory<byte> data)
    {
        _binary.Add((_parameters.Count, data));
        return Add(name, string.Empty);
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

    /// <summary>
    /// The <c>application/x-www-form-urlencoded</c> body, RFC 3986 percent-encoding, UTF-8, in pooled buffers: the
    /// caller disposes it once the call (every attempt) is over.
    /// </summary>
    public FormBody ToFormBody()
    {
        var body = new FormBody();
        try
        {
            var binary = 0;
            for (var i = 0; i < _parameters.Count; i++)
            {
                if (i > 0)
                {
                    body.AppendRaw("&"u8);
                }

                var (name, value) = _parameters[i];
                body.AppendAscii(CanonicalRequest.UriEncode(name));
                body.AppendRaw("="u8);
                if (binary < _binary.Count && _binary[binary].Index == i)
                {
                    body.AppendBase64Encoded(_binary[binary++].Data.Span);
                }
                else
                {
                    body.AppendAscii(CanonicalRequest.UriEncode(value));
                }
            }

            return body;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }
}
