using System.Globalization;
using System.Security;
using System.Text;

namespace SesMailer.TestSupport.FakeSes;

/// <summary>The XML shapes of the SES API reference (2010-12-01), written as SES writes them.</summary>
internal static class SesXmlAnswers
{
    private const string Namespace = "http://ses.amazonaws.com/doc/2010-12-01/";

    public static string Success(string action, string resultInnerXml, string requestId) =>
        $"<{action}Response xmlns=\"{Namespace}\">\n  <{action}Result>{resultInnerXml}</{action}Result>\n" +
        $"  <ResponseMetadata>\n    <RequestId>{requestId}</RequestId>\n  </ResponseMetadata>\n</{action}Response>\n";

    public static string Error(string type, string code, string message, string requestId) =>
        $"<ErrorResponse xmlns=\"{Namespace}\">\n  <Error>\n    <Type>{type}</Type>\n    <Code>{code}</Code>\n" +
        $"    <Message>{Escape(message)}</Message>\n  </Error>\n  <RequestId>{requestId}</RequestId>\n</ErrorResponse>\n";

    public static string Members(string listName, IEnumerable<string> values)
    {
        var builder = new StringBuilder().Append('<').Append(listName).Append('>');
        foreach (var value in values)
        {
            builder.Append("<member>").Append(Escape(value)).Append("</member>");
        }

        return builder.Append("</").Append(listName).Append('>').ToString();
    }

    public static string Element(string name, string value) => $"<{name}>{Escape(value)}</{name}>";

    public static string Number(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Escape(string value) => SecurityElement.Escape(value);
}
