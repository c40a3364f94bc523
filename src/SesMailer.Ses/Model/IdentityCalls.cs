namespace SesMailer.Ses.Model;

/// <summary>The kind of an SES identity.</summary>
public enum IdentityType
{
    /// <summary>A single email address.</summary>
    EmailAddress,

    /// <summary>A whole domain.</summary>
    Domain,
}

/// <summary>VerifyEmailIdentity: adds an address to the identities and sends it a verification email.</summary>
/// <param name="EmailAddress">The address to verify.</param>
public sealed record VerifyEmailIdentityRequest(string EmailAddress);

/// <summary>VerifyDomainIdentity: adds a domain; publish the returned token as a TXT record to verify it.</summary>
/// <param name="Domain">The domain to verify, for example <c>example.com</c>.</param>
public sealed record VerifyDomainIdentityRequest(string Domain);

/// <summary>The answer of VerifyDomainIdentity.</summary>
public sealed record VerifyDomainIdentityResponse : SesResponse
{
    /// <summary>The value of the <c>_amazonses.{domain}</c> TXT record that proves ownership.</summary>
    public required string VerificationToken { get; init; }
}

/// <summary>ListIdentities: one page of identities.</summary>
public sealed record ListIdentitiesRequest
{
    /// <summary>Only identities of this kind, or all when <see langword="null"/>.</summary>
    public IdentityType? IdentityType { get; init; }

    /// <summary>The page size (1 to 1000), or the SES default when <see langword="null"/>.</summary>
    public int? MaxItems { get; init; }

    /// <summary>The token of the page to read, from a previous <see cref="ListIdentitiesResponse.NextToken"/>.</summary>
    public string? NextToken { get; init; }
}

/// <summary>One page of ListIdentities.</summary>
public sealed record ListIdentitiesResponse : SesResponse
{
    /// <summary>The identities on this page.</summary>
    public required IReadOnlyList<string> Identities { get; init; }

    /// <summary>The token of the next page, or <see langword="null"/> on the last page.</summary>
    public string? NextToken { get; init; }
}

/// <summary>The verification state of an identity.</summary>
public enum VerificationStatus
{
    /// <summary>Verification was requested and has not completed.</summary>
    Pending,

    /// <summary>Verified: it can be used as a sender.</summary>
    Success,

    /// <summary>Verification failed.</summary>
    Failed,

    /// <summary>Verification could not be checked for a while; SES retries it.</summary>
    TemporaryFailure,

    /// <summary>Not started.</summary>
    NotStarted,
}

/// <summary>The verification attributes of one identity.</summary>
/// <param name="VerificationStatus">The state of verification.</param>
/// <param name="VerificationToken">For a domain, the TXT record value; otherwise <see langword="null"/>.</param>
public sealed record IdentityVerificationAttributes(VerificationStatus VerificationStatus, string? VerificationToken);

/// <summary>GetIdentityVerificationAttributes for any number of identities (the client asks SES 100 at a time).</summary>
/// <param name="Identities">The addresses or domains to look up.</param>
public sealed record GetIdentityVerificationAttributesRequest(IReadOnlyList<string> Identities);

/// <summary>The answer of GetIdentityVerificationAttributes.</summary>
public sealed record GetIdentityVerificationAttributesResponse : SesResponse
{
    /// <summary>The attributes by identity; identities SES does not know are absent.</summary>
    public required IReadOnlyDictionary<string, IdentityVerificationAttributes> VerificationAttributes { get; init; }

    /// <summary>The request ids of every batch, in order (<see cref="SesResponse.RequestId"/> is the last one).</summary>
    public required IReadOnlyList<string> RequestIds { get; init; }
}

/// <summary>DeleteIdentity: removes an address or a domain from the identities.</summary>
/// <param name="Identity">The address or domain.</param>
public sealed record DeleteIdentityRequest(string Identity);
