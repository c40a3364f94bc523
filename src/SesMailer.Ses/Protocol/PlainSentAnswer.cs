namespace SesMailer.Ses.Protocol;

/// <summary>
/// Reads a send's answer when it is written in the plain XML SES uses (elements, at most SES's own <c>xmlns</c> on the
/// root, printable ASCII text, no references, comments, declarations or CDATA) without an <see cref="System.Xml.XmlReader"/>:
/// the reader costs about 11 KB and most of the parse per answer. It accepts only documents it checked to be well-formed
/// in that subset, and declines everything else, well-formed or not; <see cref="SesXml.ParseSent"/> then reads it
/// with the <see cref="System.Xml.XmlReader"/>, which is what refuses a malformed answer (and words the error).
/// </summary>
internal static class PlainSentAnswer
{
    /// <summary>The namespace of SES v1 answers, the only attribute value accepted.</summary>
    public const string SesNamespace = "http://ses.amazonaws.com/doc/2010-12-01/";

    private const int MaxDepth = 8;

    /// <summary>
    /// Reads <paramref name="body"/>; false when it is not in the plain subset (nothing read). When true,
    /// <paramref name="rootMatches"/> says whether the root is <c>{action}Response</c>, and the first
    /// <c>{action}Result/MessageId</c> and <c>ResponseMetadata/RequestId</c> are given trimmed (or <see langword="null"/>).
    /// </summary>
    public static bool TryRead(string body, string action, out bool rootMatches, out string? messageId, out string? requestId)
    {
        rootMatches = false;
        messageId = null;
        requestId = null;
        Span<(int Start, int Length)> open = stackalloc (int, int)[MaxDepth];
        var depth = 0;
        var rootClosed = false;
        var section = 0; // 1: inside the first {action}Result, 2: inside the first ResponseMetadata
        bool resultSeen = false, metadataSeen = false;
        var capture = 0; // 1: MessageId, 2: RequestId (the depth-2 element whose text is being read)
        var captureStart = 0;
        var i = 0;
        while (i < body.Length)
        {
            var c = body[i];
            if (c != '<')
            {
                // Text: printable ASCII, tab or LF; no reference, no CDATA end; outside the root only white space.
                if (c is not ((>= ' ' and <= '~') or '\t' or '\n') || c == '&' || (c == ']' && body.AsSpan(i).StartsWith("]]>"))
                    || (depth == 0 && c is not (' ' or '\t' or '\n')))
                {
                    return false;
                }

                i++;
                continue;
            }

            if (i + 1 < body.Length && body[i + 1] == '/')
            {
                // An end tag must close the innermost open element, by the same name.
                var tagStart = i;
                var nameStart = i + 2;
                var nameEnd = NameEnd(body, nameStart);
                i = SkipSpace(body, nameEnd);
                if (depth == 0 || i >= body.Length || body[i] != '>' || nameEnd - nameStart != open[depth - 1].Length
                    || !body.AsSpan(nameStart, nameEnd - nameStart).SequenceEqual(body.AsSpan(open[depth - 1].Start, open[depth - 1].Length)))
                {
                    return false;
                }

                i++;
                depth--;
                if (capture != 0 && depth == 2)
                {
                    Store(capture, body.AsSpan(captureStart, tagStart - captureStart).Trim().ToString(), ref messageId, ref requestId);
                    capture = 0;
                }

                rootClosed = depth == 0;
                continue;
            }

            // A start tag: a name, then on the root at most xmlns="<SES's namespace>", then > or />.
            var start = i + 1;
            var end = NameEnd(body, start);
            if (end == start || rootClosed || depth == MaxDepth || capture != 0 || !IsNameStart(body[start]))
            {
                return false;
            }

            i = end;
            var afterSpace = SkipSpace(body, i);
            if (afterSpace > i && depth == 0 && body.AsSpan(afterSpace).StartsWith("xmlns=\"" + SesNamespace + "\""))
            {
                i = afterSpace + "xmlns=\"".Length + SesNamespace.Length + 1;
            }

            i = SkipSpace(body, i);
            var empty = i < body.Length && body[i] == '/';
            if (empty)
            {
                i++;
            }

            if (i >= body.Length || body[i] != '>')
            {
                return false;
            }

            i++;
            var name = body.AsSpan(start, end - start);
            switch (depth)
            {
                case 0:
                    rootMatches = name.Length == action.Length + "Response".Length && name.StartsWith(action) && name.EndsWith("Response");
                    break;
                case 1:
                    section = 0;
                    if (!resultSeen && name.Length == action.Length + "Result".Length && name.StartsWith(action) && name.EndsWith("Result"))
                    {
                        (section, resultSeen) = (1, true);
                    }
                    else if (!metadataSeen && name is "ResponseMetadata")
                    {
                        (section, metadataSeen) = (2, true);
                    }

                    break;
                case 2:
                    capture = section == 1 && messageId is null && name is "MessageId" ? 1
                        : section == 2 && requestId is null && name is "RequestId" ? 2
                        : 0;
                    captureStart = i;
                    break;
            }

            if (empty)
            {
                if (capture != 0)
                {
                    Store(capture, string.Empty, ref messageId, ref requestId);
                    capture = 0;
                }

                rootClosed = depth == 0;
                continue;
            }

            open[depth++] = (start, end - start);
        }

        return rootClosed && depth == 0;
    }

    private static void Store(int capture, string value, ref string? messageId, ref string? requestId)
    {
        if (capture == 1)
        {
            messageId = value;
        }
        else
        {
            requestId = value;
        }
    }

    // Names in the subset: an ASCII letter or '_', then letters, digits, '_', '-' and '.'; no prefix (no ':').
    private static bool IsNameStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    private static int NameEnd(string body, int i)
    {
        while (i < body.Length && (IsNameStart(body[i]) || body[i] is (>= '0' and <= '9') or '-' or '.'))
        {
            i++;
        }

        return i;
    }

    private static int SkipSpace(string body, int i)
    {
        while (i < body.Length && body[i] is ' ' or '\t' or '\n')
        {
            i++;
        }

        return i;
    }
}
