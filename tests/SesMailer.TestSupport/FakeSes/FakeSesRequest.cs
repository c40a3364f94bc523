namespace SesMailer.TestSupport.FakeSes;

/// <summary>One request the fake SES server received.</summary>
/// <param name="Action">The SES action.</param>
/// <param name="Parameters">The decoded form parameters, in order.</param>
/// <param name="Headers">The HTTP headers (names lower-case).</param>
/// <param name="SignatureValid">Whether the SigV4 signature matched the credentials the server expects, or <see langword="null"/> when it checks none.</param>
public sealed record FakeSesRequest(
    string Action,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    IReadOnlyDictionary<string, string> Headers,
    bool? SignatureValid)
{
    /// <summary>The first value of a parameter, or <see langword="null"/>.</summary>
    public string? this[string name] => Parameters.FirstOrDefault(p => p.Key == name).Value;

    /// <summary>The values of a list parameter (<c>Name.member.N</c>), in order.</summary>
    public IReadOnlyList<string> List(string name) =>
        Parameters.Where(p => p.Key.StartsWith(name + ".member.", StringComparison.Ordinal) && !p.Key[(name.Length + 8)..].Contains('.', StringComparison.Ordinal))
            .Select(p => p.Value).ToList();
}
