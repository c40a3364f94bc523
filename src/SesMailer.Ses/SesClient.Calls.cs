using System.Xml.Linq;
using SesMailer.Ses.Protocol;
using SesMailer.Ses.Model;

namespace SesMailer.Ses;

// The SES actions: validate, marshal to Query parameters, read the XML result.
public sealed partial class SesClient
{
    /// <inheritdoc />
    [Obsolete("SES deprecated VerifyEmailAddress: use VerifyEmailIdentityAsync.")]
    public Task<SesEmptyResponse> VerifyEmailAddressAsync(VerifyEmailAddressRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidation.Address(request.EmailAddress, "EmailAddress");
        return InvokeForRequestIdAsync(new QueryRequest("VerifyEmailAddress").Add("EmailAddress", request.EmailAddress), cancellationToken);
    }

    /// <inheritdoc />
    [Obsolete("SES deprecated ListVerifiedEmailAddresses: use ListIdentitiesAsync with GetIdentityVerificationAttributesAsync.")]
    public async Task<ListVerifiedEmailAddressesResponse> ListVerifiedEmailAddressesAsync(CancellationToken cancellationToken = default)
    {
        var answer = await InvokeAsync(new QueryRequest("ListVerifiedEmailAddresses"), cancellationToken).ConfigureAwait(false);
        return new ListVerifiedEmailAddressesResponse
        {
            RequestId = answer.RequestId,
            VerifiedEmailAddresses = SesXml.Members(answer.Result, "VerifiedEmailAddresses"),
        };
    }

    /// <inheritdoc />
    [Obsolete("SES deprecated DeleteVerifiedEmailAddress: use DeleteIdentityAsync.")]
    public Task<SesEmptyResponse> DeleteVerifiedEmailAddressAsync(DeleteVerifiedEmailAddressRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidation.Address(request.EmailAddress, "EmailAddress");
        return InvokeForRequestIdAsync(new QueryRequest("DeleteVerifiedEmailAddress").Add("EmailAddress", request.EmailAddress), cancellationToken);
    }

    /// <inheritdoc />
    public Task<SesEmptyResponse> VerifyEmailIdentityAsync(VerifyEmailIdentityRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidation.Address(request.EmailAddress, "EmailAddress");
        return InvokeForRequestIdAsync(new QueryRequest("VerifyEmailIdentity").Add("EmailAddress", request.EmailAddress), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<VerifyDomainIdentityResponse> VerifyDomainIdentityAsync(VerifyDomainIdentityRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidation.Text(request.Domain, "Domain");
        if (request.Domain.Contains('@', StringComparison.Ordinal) || !System.Text.Ascii.IsValid(request.Domain))
        {
            throw RequestValidation.Invalid("Domain", $"must be an ASCII domain name (punycode for international names), not an address; it is \"{request.Domain}\".");
        }

        var answer = await InvokeAsync(new QueryRequest("VerifyDomainIdentity").Add("Domain", request.Domain), cancellationToken).ConfigureAwait(false);
        return new VerifyDomainIdentityResponse
        {
            RequestId = answer.RequestId,
            VerificationToken = SesXml.Required(answer.Result, "VerificationToken"),
        };
    }

    /// <inheritdoc />
    public async Task<ListIdentitiesResponse> ListIdentitiesAsync(ListIdentitiesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.MaxItems is < 1 or > 1000)
        {
            throw RequestValidation.Invalid("MaxItems", $"must be between 1 and 1000; it is {request.MaxItems}.");
        }

        var query = new QueryRequest("ListIdentities")
            .AddIfPresent("IdentityType", request.IdentityType?.ToString())
            .AddIfPresent("MaxItems", request.MaxItems?.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .AddIfPresent("NextToken", request.NextToken);
        var answer = await InvokeAsync(query, cancellationToken).ConfigureAwait(false);
        var next = SesXml.Child(answer.Result, "NextToken")?.Value.Trim();
        return new ListIdentitiesResponse
        {
            RequestId = answer.RequestId,
            Identities = SesXml.Members(answer.Result, "Identities"),
            NextToken = string.IsNullOrEmpty(next) ? null : next,
        };
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListAllIdentitiesAsync(IdentityType? identityType = null, CancellationToken cancellationToken = default)
    {
        var all = new List<string>();
        // A token seen before means the endpoint is cycling: following it again would never end.
        var followed = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var page = await ListIdentitiesAsync(new ListIdentitiesRequest { IdentityType = identityType, NextToken = token }, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Identities);
            token = page.NextToken;
            if (token is not null && !followed.Add(token))
            {
                throw new SesPagingLoopException("ListIdentities", token, followed.Count + 1, page.RequestId);
            }
        }
        while (token is not null);
        return all;
    }

    /// <inheritdoc />
    public async Task<GetIdentityVerificationAttributesResponse> GetIdentityVerificationAttributesAsync(GetIdentityVerificationAttributesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Identities, "Identities");
        for (var i = 0; i < request.Identities.Count; i++)
        {
            RequestValidation.Text(request.Identities[i], $"Identities[{i}]");
        }

        var attributes = new Dictionary<string, IdentityVerificationAttributes>(StringComparer.OrdinalIgnoreCase);
        var requestIds = new List<string>();
        foreach (var batch in request.Identities.Chunk(RequestValidation.VerificationBatchSize))
        {
            var answer = await InvokeAsync(new QueryRequest("GetIdentityVerificationAttributes").AddList("Identities", batch), cancellationToken).ConfigureAwait(false);
            requestIds.Add(answer.RequestId);
            foreach (var entry in SesXml.Child(answer.Result, "VerificationAttributes")?.Elements().Where(e => e.Name.LocalName == "entry") ?? [])
            {
                var value = SesXml.Child(entry, "value") ?? new XElement("value");
                attributes[SesXml.Required(entry, "key")] = new IdentityVerificationAttributes(
                    SesXml.EnumValue<VerificationStatus>(value, "VerificationStatus"),
                    SesXml.Child(value, "VerificationToken")?.Value.Trim());
            }
        }

        return new GetIdentityVerificationAttributesResponse
        {
            RequestId = requestIds.LastOrDefault() ?? string.Empty,
            RequestIds = requestIds,
            VerificationAttributes = attributes,
        };
    }

    /// <inheritdoc />
    public Task<SesEmptyResponse> DeleteIdentityAsync(DeleteIdentityRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidation.Text(request.Identity, "Identity");
        return InvokeForRequestIdAsync(new QueryRequest("DeleteIdentity").Add("Identity", request.Identity), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<SendEmailResponse> SendEmailAsync(SendEmailRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidation.Address(request.Source, "Source");
        RequestValidation.Addresses(request.ToAddresses, "ToAddresses");
        RequestValidation.Addresses(request.CcAddresses, "CcAddresses");
        RequestValidation.Addresses(request.BccAddresses, "BccAddresses");
        RequestValidation.Addresses(request.ReplyToAddresses, "ReplyToAddresses");
        RequestValidation.Recipients(request.ToAddresses.Concat(request.CcAddresses).Concat(request.BccAddresses), "Destination", required: true);
        RequestValidation.Text(request.Subject, "Subject");
        RequestValidation.Text(request.Charset, "Charset");
        if (request.TextBody is null && request.HtmlBody is null)
        {
            throw RequestValidation.Missing("TextBody", "TextBody or HtmlBody is required (SES needs at least one body).");
        }

        RequestValidation.Address(request.ReturnPath, "ReturnPath", required: false);
        RequestValidation.ConfigurationSet(request.ConfigurationSetName, "ConfigurationSetName");
        RequestValidation.Tags(request.Tags, "Tags");
        RequestValidation.Text(request.SourceArn, "SourceArn", required: false);
        RequestValidation.Text(request.ReturnPathArn, "ReturnPathArn", required: false);

        var query = new QueryRequest("SendEmail") { IsIdempotent = false }
            .Add("Source", request.Source)
            .AddList("Destination.ToAddresses", request.ToAddresses)
            .AddList("Destination.CcAddresses", request.CcAddresses)
            .AddList("Destination.BccAddresses", request.BccAddresses)
            .AddList("ReplyToAddresses", request.ReplyToAddresses)
            .Add("Message.Subject.Data", request.Subject)
            .Add("Message.Subject.Charset", request.Charset);
        if (request.TextBody is not null)
        {
            query.Add("Message.Body.Text.Data", request.TextBody).Add("Message.Body.Text.Charset", request.Charset);
        }

        if (request.HtmlBody is not null)
        {
            query.Add("Message.Body.Html.Data", request.HtmlBody).Add("Message.Body.Html.Charset", request.Charset);
        }

        query.AddIfPresent("ReturnPath", request.ReturnPath)
            .AddIfPresent("ConfigurationSetName", request.ConfigurationSetName)
            .AddTags(request.Tags)
            .AddIfPresent("SourceArn", request.SourceArn)
            .AddIfPresent("ReturnPathArn", request.ReturnPathArn);
        return MessageIdOf(query.Action, await InvokeAsync(query, SesXml.ParseSent, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task<SendEmailResponse> SendRawEmailAsync(SendRawEmailRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidation.RawMessage(request.RawMessage, "RawMessage");
        RequestValidation.Address(request.Source, "Source", required: false);
        RequestValidation.Addresses(request.Destinations, "Destinations");
        RequestValidation.Recipients(request.Destinations, "Destinations", required: false);
        RequestValidation.ConfigurationSet(request.ConfigurationSetName, "ConfigurationSetName");
        RequestValidation.Tags(request.Tags, "Tags");
        RequestValidation.Text(request.FromArn, "FromArn", required: false);
        RequestValidation.Text(request.SourceArn, "SourceArn", required: false);
        RequestValidation.Text(request.ReturnPathArn, "ReturnPathArn", required: false);

        var query = new QueryRequest("SendRawEmail") { IsIdempotent = false }
            .AddBase64("RawMessage.Data", request.RawMessage)
            .AddIfPresent("Source", request.Source)
            .AddList("Destinations", request.Destinations)
            .AddIfPresent("ConfigurationSetName", request.ConfigurationSetName)
            .AddTags(request.Tags)
            .AddIfPresent("FromArn", request.FromArn)
            .AddIfPresent("SourceArn", request.SourceArn)
            .AddIfPresent("ReturnPathArn", request.ReturnPathArn);
        return MessageIdOf(query.Action, await InvokeAsync(query, SesXml.ParseSent, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task<GetSendQuotaResponse> GetSendQuotaAsync(CancellationToken cancellationToken = default)
    {
        var answer = await InvokeAsync(new QueryRequest("GetSendQuota"), cancellationToken).ConfigureAwait(false);
        return new GetSendQuotaResponse
        {
            RequestId = answer.RequestId,
            Max24HourSend = SesXml.Number(answer.Result, "Max24HourSend"),
            MaxSendRate = SesXml.Number(answer.Result, "MaxSendRate"),
            SentLast24Hours = SesXml.Number(answer.Result, "SentLast24Hours"),
        };
    }

    /// <inheritdoc />
    public async Task<GetSendStatisticsResponse> GetSendStatisticsAsync(CancellationToken cancellationToken = default)
    {
        var answer = await InvokeAsync(new QueryRequest("GetSendStatistics"), cancellationToken).ConfigureAwait(false);
        var points = SesXml.Child(answer.Result, "SendDataPoints")?.Elements()
            .Where(e => e.Name.LocalName == "member")
            .Select(ReadDataPoint)
            .OrderBy(p => p.Timestamp)
            .ToList() ?? [];
        return new GetSendStatisticsResponse { RequestId = answer.RequestId, SendDataPoints = points };
    }

    private static SendDataPoint ReadDataPoint(XElement member) => new(
        SesXml.Timestamp(member, "Timestamp"),
        OptionalCount(member, "DeliveryAttempts"),
        OptionalCount(member, "Bounces"),
        OptionalCount(member, "Complaints"),
        OptionalCount(member, "Rejects"));

    // SES omits a counter that is zero in some points.
    private static long OptionalCount(XElement member, string name) =>
        SesXml.Child(member, name) is null ? 0 : SesXml.Integer(member, name);

    private static SendEmailResponse MessageIdOf(string action, SesXml.Sent answer) => new()
    {
        RequestId = answer.RequestId,
        MessageId = SesXml.RequiredMessageId(action, answer),
    };

    /// <summary>Calls an action whose answer holds nothing but the request id.</summary>
    private async Task<SesEmptyResponse> InvokeForRequestIdAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        var answer = await InvokeAsync(request, cancellationToken).ConfigureAwait(false);
        return new SesEmptyResponse { RequestId = answer.RequestId };
    }
}
