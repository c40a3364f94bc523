namespace SesMailer.Ses.Signing;

/// <summary>
/// The parts of an HTTP request that Signature Version 4 covers, independent of any HTTP stack so that the
/// AWS conformance vectors and live requests go through the same code.
/// </summary>
/// <param name="Method">The HTTP method, for example <c>POST</c>.</param>
/// <param name="Path">The request path as written on the request line (not yet percent-encoded), for example <c>/</c>.</param>
/// <param name="Query">The raw query string without the leading <c>?</c> (may already be percent-encoded), or empty.</param>
/// <param name="Headers">Every header to sign, in the order they appear; repeated names are allowed.</param>
/// <param name="PayloadHash">Lower-case hex SHA-256 of the body.</param>
public sealed record SigV4Request(
    string Method,
    string Path,
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string PayloadHash);
