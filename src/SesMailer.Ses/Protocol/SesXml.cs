using System.Globalization;
using System.Net;
using System.Xml;
using System.Xml.Linq;

namespace SesMailer.Ses.Protocol;

/// <summary>
/// Reads SES XML answers (<c>&lt;XResponse&gt;&lt;XResult&gt;…&lt;/XResult&gt;&lt;ResponseMetadata&gt;…</c>) and
/// <c>ErrorResponse</c> documents. Elements are matched by local name so a missing or different namespace does not matter.
/// </summary>
internal static class SesXml
{
    private const int BodyQuoteLength = 200;

    // Read-only once created, so one instance serves every thread. No DTD (no entity expansion), no resolver.
    private static readonly XmlReaderSettings ReaderSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    // Longer answers than this are rare (error documents, lists) and read from the text itself.
    private const int SmallAnswerLength = 4096;

    /// <summary>
    /// A reader of <paramref name="body"/>. Over a string, <see cref="XmlReader"/> takes a 4,096-character buffer
    /// (about 8 KB, every answer) whatever the text's length; over a seekable stream it sizes its buffers to the
    /// stream. So an answer of ASCII text (SES's are) with no encoding declaration is read from its bytes, which are
    /// then exactly its UTF-8 bytes, as the reader assumes without a declaration or byte order mark: the same
    /// characters, the same result. Anything else (other characters, a declared encoding) is read from the text as before.
    /// </summary>
    private static XmlReader ReaderOf(string body)
    {
        if (body.Length <= SmallAnswerLength && System.Text.Ascii.IsValid(body) && !DeclaresEncoding(body))
        {
            var bytes = new byte[body.Length];
            System.Text.Ascii.FromUtf16(body, bytes, out _);
            return XmlReader.Create(new MemoryStream(bytes, writable: false), ReaderSettings);
        }

        return XmlReader.Create(new StringReader(body), ReaderSettings);
    }

    // An XML declaration can only be the very start of the document.
    private static bool DeclaresEncoding(string body)
    {
        if (!body.StartsWith("<?xml", StringComparison.Ordinal))
        {
            return false;
        }

        var end = body.IndexOf("?>", StringComparison.Ordinal);
        return (end < 0 ? body.AsSpan() : body.AsSpan(0, end)).Contains("encoding", StringComparison.Ordinal);
    }

    /// <summary>A successful answer: its <c>XResult</c> element (or an empty one) and its request id.</summary>
    public readonly record struct Success(XElement Result, string RequestId);

    /// <summary>Parses the body of a 2xx answer to <paramref name="action"/>.</summary>
    /// <exception cref="SesUnexpectedResponseException">The body is not the expected XML.</exception>
    public static Success ParseSuccess(string action, HttpStatusCode status, string body)
    {
        var root = Load(status, body, retryable: false);
        if (root.Name.LocalName != action + "Response")
        {
            throw Unexpected(status, body, retryable: false);
        }

        var result = Child(root, action + "Result") ?? new XElement(action + "Result");
        var requestId = Child(Child(root, "ResponseMetadata"), "RequestId")?.Value.Trim() ?? string.Empty;
        return new Success(result, requestId);
    }

    /// <summary>The answer to a send: the message id SES assigned (<see langword="null"/> when the answer has none) and the request id.</summary>
    public readonly record struct Sent(string? MessageId, string RequestId, string Body);

    /// <summary>
    /// Parses the body of a 2xx answer to a send (<c>SendRawEmail</c>, <c>SendEmail</c>) in one forward pass with an
    /// <see cref="XmlReader"/>: no document tree. The whole body is read, so XML that is not well-formed anywhere is
    /// refused as <see cref="ParseSuccess"/> refuses it.
    /// </summary>
    /// <exception cref="SesUnexpectedResponseException">The body is not XML, or its root is not <c>{action}Response</c>.</exception>
    public static Sent ParseSent(string action, HttpStatusCode status, string body)
    {
        string? messageId = null;
        string? requestId = null;
        try
        {
            using var reader = ReaderOf(body);
            if (reader.MoveToContent() != XmlNodeType.Element || !IsName(reader.LocalName, action, "Response"))
            {
                throw Unexpected(status, body, retryable: false);
            }

            // Depth 1: <{action}Result> and <ResponseMetadata>; depth 2: their members. The first of each counts, as in ParseSuccess.
            var section = Section.None;
            var resultSeen = false;
            var metadataSeen = false;
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                }
                else if (reader.Depth == 1)
                {
                    section = Section.None;
                    if (!resultSeen && IsName(reader.LocalName, action, "Result"))
                    {
                        (section, resultSeen) = (Section.Result, true);
                    }
                    else if (!metadataSeen && reader.LocalName == "ResponseMetadata")
                    {
                        (section, metadataSeen) = (Section.Metadata, true);
                    }

                    reader.Read();
                }
                else if (reader.Depth == 2 && section == Section.Result && messageId is null && reader.LocalName == "MessageId")
                {
                    messageId = reader.ReadElementContentAsString().Trim();
                }
                else if (reader.Depth == 2 && section == Section.Metadata && requestId is null && reader.LocalName == "RequestId")
                {
                    requestId = reader.ReadElementContentAsString().Trim();
                }
                else
                {
                    reader.Read();
                }
            }
        }
        catch (XmlException e)
        {
            throw Unexpected(status, body, retryable: false, e);
        }

        return new Sent(messageId, requestId ?? string.Empty, body);
    }

    /// <summary>The message id of a send's answer, or the error that names what is missing (quoting the answer).</summary>
    /// <exception cref="SesUnexpectedResponseException">The answer has no <c>MessageId</c>.</exception>
    public static string RequiredMessageId(string action, Sent sent) =>
        sent.MessageId ?? throw new SesUnexpectedResponseException(HttpStatusCode.OK, Quote($"no <MessageId> in <{action}Result>: {sent.Body}"), isRetryable: false);

    /// <summary>Turns a non-2xx answer into the matching <see cref="SesException"/>, reading it in one forward pass.</summary>
    public static SesException ParseError(HttpStatusCode status, string body)
    {
        var retryable = (int)status >= 500;
        string? code = null, message = null, type = null, errorRequestId = null, rootRequestId = null;
        var errorSeen = false;
        try
        {
            using var reader = ReaderOf(body);
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                return Unexpected(status, body, retryable);
            }

            // <ErrorResponse><Error>…</Error><RequestId/></ErrorResponse>, or a bare <Error>…</Error> (its members at depth 1).
            var bare = reader.LocalName == "Error";
            if (!bare && reader.LocalName != "ErrorResponse")
            {
                return Unexpected(status, body, retryable);
            }

            var errorDepth = bare ? 0 : -1;
            errorSeen = bare;
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                var depth = reader.Depth;
                if (depth == 1 && !bare && !errorSeen && reader.LocalName == "Error")
                {
                    (errorDepth, errorSeen) = (1, true);
                    reader.Read();
                }
                else if (depth == 1 && !bare && reader.LocalName == "RequestId" && rootRequestId is null)
                {
                    rootRequestId = reader.ReadElementContentAsString().Trim();
                }
                else if (errorDepth >= 0 && depth == errorDepth + 1 && IsErrorMember(reader.LocalName, code, message, type, errorRequestId) is { } member)
                {
                    var value = reader.ReadElementContentAsString().Trim();
                    switch (member)
                    {
                        case "Code": code = value; break;
                        case "Message": message = value; break;
                        case "Type": type = value; break;
                        default: errorRequestId = value; break;
                    }
                }
                else
                {
                    if (depth <= errorDepth)
                    {
                        errorDepth = -1;
                    }

                    reader.Read();
                }
            }
        }
        catch (XmlException e)
        {
            return Unexpected(status, body, retryable, e);
        }

        if (!errorSeen || code is null || code.Length == 0)
        {
            return Unexpected(status, body, retryable);
        }

        var requestId = rootRequestId ?? errorRequestId;
        return SesErrorClassifier.Classify(code, message ?? string.Empty, string.IsNullOrEmpty(requestId) ? null : requestId, status, type);
    }

    public static XElement? Child(XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    public static string Required(XElement parent, string localName) =>
        Child(parent, localName)?.Value.Trim() ?? throw Malformed(parent, $"no <{localName}> in <{parent.Name.LocalName}>");

    public static IReadOnlyList<string> Members(XElement? parent, string listName) =>
        Child(parent, listName)?.Elements().Where(e => e.Name.LocalName == "member").Select(e => e.Value.Trim()).ToList() ?? [];

    public static double Number(XElement parent, string localName) =>
        double.TryParse(Required(parent, localName), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Malformed(parent, $"<{localName}> is not a number");

    public static long Integer(XElement parent, string localName) =>
        long.TryParse(Required(parent, localName), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Malformed(parent, $"<{localName}> is not an integer");

    public static DateTimeOffset Timestamp(XElement parent, string localName) =>
        DateTimeOffset.TryParse(Required(parent, localName), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw Malformed(parent, $"<{localName}> is not a timestamp");

    public static TEnum EnumValue<TEnum>(XElement parent, string localName)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(Required(parent, localName), ignoreCase: false, out var value)
            ? value
            : throw Malformed(parent, $"<{localName}> is not a {typeof(TEnum).Name}");

    /// <summary>A 2xx answer that is XML but not the shape SES documents: quote it rather than guess.</summary>
    private static SesUnexpectedResponseException Malformed(XElement element, string what) =>
        new(HttpStatusCode.OK, Quote(what + ": " + (element.Document?.Root ?? element).ToString(SaveOptions.DisableFormatting)), isRetryable: false);

    /// <summary>The first characters of a body, on one line, for error messages.</summary>
    public static string Quote(string body)
    {
        var start = body.Length > BodyQuoteLength ? body[..BodyQuoteLength] + "…" : body;
        return start.ReplaceLineEndings(" ").Trim();
    }

    private static XElement Load(HttpStatusCode status, string body, bool retryable)
    {
        try
        {
            using var reader = ReaderOf(body);
            return XDocument.Load(reader).Root ?? throw Unexpected(status, body, retryable);
        }
        catch (XmlException e)
        {
            throw Unexpected(status, body, retryable, e);
        }
    }

    // "{prefix}{suffix}" without building the string.
    private static bool IsName(string localName, string prefix, string suffix) =>
        localName.Length == prefix.Length + suffix.Length
        && localName.StartsWith(prefix, StringComparison.Ordinal)
        && localName.EndsWith(suffix, StringComparison.Ordinal);

    // The member of <Error> this element is, when it is one not read yet (the first of each counts).
    private static string? IsErrorMember(string localName, string? code, string? message, string? type, string? requestId) => localName switch
    {
        "Code" when code is null => "Code",
        "Message" when message is null => "Message",
        "Type" when type is null => "Type",
        "RequestId" when requestId is null => "RequestId",
        _ => null,
    };

    private enum Section
    {
        None,
        Result,
        Metadata,
    }

    private static SesUnexpectedResponseException Unexpected(HttpStatusCode status, string body, bool retryable, Exception? inner = null) =>
        new(status, Quote(body), retryable, inner);
}
