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

    /// <summary>Turns a non-2xx answer into the matching <see cref="SesException"/>.</summary>
    public static SesException ParseError(HttpStatusCode status, string body)
    {
        var retryable = (int)status >= 500;
        XElement root;
        try
        {
            root = Load(status, body, retryable);
        }
        catch (SesUnexpectedResponseException e)
        {
            return e;
        }

        var error = root.Name.LocalName == "ErrorResponse" ? Child(root, "Error") : root.Name.LocalName == "Error" ? root : null;
        var code = Child(error, "Code")?.Value.Trim();
        if (error is null || string.IsNullOrEmpty(code))
        {
            return Unexpected(status, body, retryable);
        }

        var message = Child(error, "Message")?.Value.Trim() ?? string.Empty;
        var type = Child(error, "Type")?.Value.Trim();
        var requestId = Child(root, "RequestId")?.Value.Trim() ?? Child(error, "RequestId")?.Value.Trim();
        return SesErrorClassifier.Classify(code, message, string.IsNullOrEmpty(requestId) ? null : requestId, status, type);
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
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(body), settings);
            return XDocument.Load(reader).Root ?? throw Unexpected(status, body, retryable);
        }
        catch (XmlException e)
        {
            throw Unexpected(status, body, retryable, e);
        }
    }

    private static SesUnexpectedResponseException Unexpected(HttpStatusCode status, string body, bool retryable, Exception? inner = null) =>
        new(status, Quote(body), retryable, inner);
}
