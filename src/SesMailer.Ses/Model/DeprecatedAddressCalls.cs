namespace SesMailer.Ses.Model;

/// <summary>VerifyEmailAddress (deprecated by SES): sends a verification email to the address.</summary>
/// <param name="EmailAddress">The address to verify.</param>
public sealed record VerifyEmailAddressRequest(string EmailAddress);

/// <summary>DeleteVerifiedEmailAddress (deprecated by SES): forgets a verified address.</summary>
/// <param name="EmailAddress">The address to delete.</param>
public sealed record DeleteVerifiedEmailAddressRequest(string EmailAddress);

/// <summary>The answer of ListVerifiedEmailAddresses (deprecated by SES).</summary>
public sealed record ListVerifiedEmailAddressesResponse : SesResponse
{
    /// <summary>The verified addresses.</summary>
    public required IReadOnlyList<string> VerifiedEmailAddresses { get; init; }
}
