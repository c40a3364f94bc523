using SesMailer.Ses.Model;
namespace SesMailer.Ses;

/// <summary>
/// The Amazon SES v1 (2010-12-01) calls of a sender, typed. Implemented by <see cref="SesClient"/>; the port
/// between SesMailer's SES transport and HTTP, so tests can swap it.
/// </summary>
/// <remarks>Every method throws <see cref="SesException"/> (or a subclass) when SES answers with an error.</remarks>
public interface ISesClient
{
    /// <summary>Sends a verification email to an address (deprecated by SES).</summary>
    [Obsolete("SES deprecated VerifyEmailAddress: use VerifyEmailIdentityAsync.")]
    Task<SesEmptyResponse> VerifyEmailAddressAsync(VerifyEmailAddressRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists verified addresses (deprecated by SES).</summary>
    [Obsolete("SES deprecated ListVerifiedEmailAddresses: use ListIdentitiesAsync with GetIdentityVerificationAttributesAsync.")]
    Task<ListVerifiedEmailAddressesResponse> ListVerifiedEmailAddressesAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes a verified address (deprecated by SES).</summary>
    [Obsolete("SES deprecated DeleteVerifiedEmailAddress: use DeleteIdentityAsync.")]
    Task<SesEmptyResponse> DeleteVerifiedEmailAddressAsync(DeleteVerifiedEmailAddressRequest request, CancellationToken cancellationToken = default);

    /// <summary>Adds an address identity and sends it a verification email.</summary>
    Task<SesEmptyResponse> VerifyEmailIdentityAsync(VerifyEmailIdentityRequest request, CancellationToken cancellationToken = default);

    /// <summary>Adds a domain identity and returns the TXT token that verifies it.</summary>
    Task<VerifyDomainIdentityResponse> VerifyDomainIdentityAsync(VerifyDomainIdentityRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of identities.</summary>
    Task<ListIdentitiesResponse> ListIdentitiesAsync(ListIdentitiesRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads every page of identities.</summary>
    /// <exception cref="SesPagingLoopException">The endpoint answered a <c>NextToken</c> that was already followed.</exception>
    Task<IReadOnlyList<string>> ListAllIdentitiesAsync(IdentityType? identityType = null, CancellationToken cancellationToken = default);

    /// <summary>Reads the verification state of identities, in batches of 100.</summary>
    Task<GetIdentityVerificationAttributesResponse> GetIdentityVerificationAttributesAsync(GetIdentityVerificationAttributesRequest request, CancellationToken cancellationToken = default);

    /// <summary>Removes an identity.</summary>
    Task<SesEmptyResponse> DeleteIdentityAsync(DeleteIdentityRequest request, CancellationToken cancellationToken = default);

    /// <summary>Sends a message that SES composes from its parts.</summary>
    Task<SendEmailResponse> SendEmailAsync(SendEmailRequest request, CancellationToken cancellationToken = default);

    /// <summary>Sends a complete MIME message.</summary>
    Task<SendEmailResponse> SendRawEmailAsync(SendRawEmailRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads the sending quota.</summary>
    Task<GetSendQuotaResponse> GetSendQuotaAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads two weeks of sending statistics.</summary>
    Task<GetSendStatisticsResponse> GetSendStatisticsAsync(CancellationToken cancellationToken = default);
}
