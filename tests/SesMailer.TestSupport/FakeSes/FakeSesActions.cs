using System.Globalization;
using System.Net;
using System.Text;
using static SesMailer.TestSupport.FakeSes.SesXmlAnswers;

namespace SesMailer.TestSupport.FakeSes;

/// <summary>What the fake server does for each SES action, against its <see cref="FakeSesState"/>.</summary>
internal static class FakeSesActions
{
    public static (HttpStatusCode Status, string Xml) Handle(FakeSesState state, FakeSesRequest request, string requestId)
    {
        string Ok(string inner = "") => Success(request.Action, inner, requestId);
        (HttpStatusCode, string) Invalid(string message) => (HttpStatusCode.BadRequest, Error("Sender", "InvalidParameterValue", message, requestId));

        if (request["Version"] != "2010-12-01")
        {
            return (HttpStatusCode.BadRequest, Error("Sender", "InvalidParameterValue", "Version must be 2010-12-01.", requestId));
        }

        switch (request.Action)
        {
            case "VerifyEmailAddress":
            case "VerifyEmailIdentity":
                state.AddIdentity(request["EmailAddress"] ?? string.Empty);
                return (HttpStatusCode.OK, Ok());
            case "VerifyDomainIdentity":
                var domain = request["Domain"] ?? string.Empty;
                var token = Convert.ToBase64String(Encoding.UTF8.GetBytes("token-" + domain));
                state.AddIdentity(domain, token: token);
                return (HttpStatusCode.OK, Ok(Element("VerificationToken", token)));
            case "ListVerifiedEmailAddresses":
                return (HttpStatusCode.OK, Ok(Members("VerifiedEmailAddresses",
                    state.Identities.Where(i => !i.IsDomain && i.Status == "Success").Select(i => i.Identity))));
            case "DeleteVerifiedEmailAddress":
                state.RemoveIdentity(request["EmailAddress"] ?? string.Empty);
                return (HttpStatusCode.OK, Ok());
            case "DeleteIdentity":
                state.RemoveIdentity(request["Identity"] ?? string.Empty);
                return (HttpStatusCode.OK, Ok());
            case "ListIdentities":
                return ListIdentities(state, request, Ok, Invalid);
            case "GetIdentityVerificationAttributes":
                var wanted = request.List("Identities");
                if (wanted.Count > 100)
                {
                    return Invalid("At most 100 identities may be given.");
                }

                var entries = new StringBuilder("<VerificationAttributes>");
                foreach (var identity in state.Identities.Where(i => wanted.Contains(i.Identity, StringComparer.OrdinalIgnoreCase)))
                {
                    entries.Append("<entry>").Append(Element("key", identity.Identity)).Append("<value>")
                        .Append(Element("VerificationStatus", identity.Status));
                    if (identity.Token is not null)
                    {
                        entries.Append(Element("VerificationToken", identity.Token));
                    }

                    entries.Append("</value></entry>");
                }

                return (HttpStatusCode.OK, Ok(entries.Append("</VerificationAttributes>").ToString()));
            case "GetSendQuota":
                return (HttpStatusCode.OK, Ok(
                    Element("Max24HourSend", Number(state.Max24HourSend)) +
                    Element("MaxSendRate", Number(state.MaxSendRate)) +
                    Element("SentLast24Hours", Number(state.SentLast24Hours))));
            case "GetSendStatistics":
                var points = new StringBuilder("<SendDataPoints>");
                foreach (var p in state.DataPoints)
                {
                    points.Append("<member>")
                        .Append(Element("Complaints", p.Complaints.ToString(CultureInfo.InvariantCulture)))
                        .Append(Element("Rejects", p.Rejects.ToString(CultureInfo.InvariantCulture)))
                        .Append(Element("Bounces", p.Bounces.ToString(CultureInfo.InvariantCulture)))
                        .Append(Element("DeliveryAttempts", p.DeliveryAttempts.ToString(CultureInfo.InvariantCulture)))
                        .Append(Element("Timestamp", Timestamp(p.Timestamp)))
                        .Append("</member>");
                }

                return (HttpStatusCode.OK, Ok(points.Append("</SendDataPoints>").ToString()));
            case "SendEmail":
                var recipients = request.List("Destination.ToAddresses").Count + request.List("Destination.CcAddresses").Count + request.List("Destination.BccAddresses").Count;
                state.SentLast24Hours += recipients;
                return (HttpStatusCode.OK, Ok(Element("MessageId", NewMessageId())));
            case "SendRawEmail":
                if (string.IsNullOrEmpty(request["RawMessage.Data"]))
                {
                    return Invalid("RawMessage.Data is required.");
                }

                var messageId = NewMessageId();
                if (!state.TryAccept(Math.Max(1, request.List("Destinations").Count), StableIdOf(request), messageId))
                {
                    return (HttpStatusCode.BadRequest, Error("Sender", "Throttling", "Maximum sending rate exceeded.", requestId));
                }

                return (HttpStatusCode.OK, Ok(Element("MessageId", messageId)));
            default:
                return (HttpStatusCode.BadRequest, Error("Sender", "InvalidAction", $"The action {request.Action} is not valid for this web service.", requestId));
        }
    }

    private static (HttpStatusCode, string) ListIdentities(
        FakeSesState state, FakeSesRequest request, Func<string, string> ok, Func<string, (HttpStatusCode, string)> invalid)
    {
        var type = request["IdentityType"];
        if (type is not (null or "EmailAddress" or "Domain"))
        {
            return invalid($"IdentityType must be EmailAddress or Domain; it is {type}.");
        }

        var all = state.Identities.Where(i => type is null || (type == "Domain") == i.IsDomain).Select(i => i.Identity).ToList();
        var size = request["MaxItems"] is { } max ? int.Parse(max, CultureInfo.InvariantCulture) : state.DefaultPageSize;
        if (state.StuckNextToken is { } stuck)
        {
            return (HttpStatusCode.OK, ok(Members("Identities", all.Take(size)) + Element("NextToken", stuck)));
        }

        var start = request["NextToken"] is { } next ? int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(next)), CultureInfo.InvariantCulture) : 0;
        var page = all.Skip(start).Take(size).ToList();
        var inner = Members("Identities", page);
        if (start + size < all.Count)
        {
            inner += Element("NextToken", Convert.ToBase64String(Encoding.UTF8.GetBytes((start + size).ToString(CultureInfo.InvariantCulture))));
        }

        return (HttpStatusCode.OK, ok(inner));
    }

    // The tag sesmailer-id, sent as Tags.member.N.Name / Tags.member.N.Value.
    /// <summary>The <c>sesmailer-id</c> tag of a send, or <see langword="null"/>.</summary>
    internal static string? StableIdOf(FakeSesRequest request)
    {
        var name = request.Parameters.FirstOrDefault(p => p.Key.StartsWith("Tags.member.", StringComparison.Ordinal) && p.Key.EndsWith(".Name", StringComparison.Ordinal) && p.Value == "sesmailer-id");
        return name.Key is null ? null : request[name.Key[..^".Name".Length] + ".Value"];
    }

    private static string NewMessageId() => $"0100019{Guid.NewGuid():N}-{Guid.NewGuid():N}"[..60] + "-000000";
}
