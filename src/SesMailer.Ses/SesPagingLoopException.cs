using System.Net;
using SesMailer.Ses.Protocol;

namespace SesMailer.Ses;

/// <summary>
/// A paging call (such as <see cref="ISesClient.ListAllIdentitiesAsync"/>) got a <c>NextToken</c> it had already
/// followed: the endpoint is repeating pages, and following it would loop forever. Never retried.
/// </summary>
public sealed class SesPagingLoopException(string action, string nextToken, int pages, string? requestId)
    : SesException(
        "PagingLoop",
        $"{action} answered the NextToken \"{SesXml.Quote(nextToken)}\" a second time (on page {pages}); the endpoint is repeating pages, so paging stopped instead of looping forever.",
        requestId,
        HttpStatusCode.OK,
        isRetryable: false)
{
    /// <summary>The SES action that was being paged, for example <c>ListIdentities</c>.</summary>
    public string Action { get; } = action;

    /// <summary>The token that came back a second time.</summary>
    public string NextToken { get; } = nextToken;

    /// <summary>How many pages were read, including the one that repeated the token.</summary>
    public int Pages { get; } = pages;
}
