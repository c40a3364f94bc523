using Amazon.Runtime;

namespace SesMailer.Ses;

/// <summary>Explicit credentials for <see cref="SesClient"/>, for when the standard AWS chain is not what you want.</summary>
public static class SesCredentials
{
    /// <summary>Credentials from an access key pair, with an optional session token.</summary>
    /// <exception cref="ArgumentException">A key is null, empty or white space.</exception>
    public static AWSCredentials FromAccessKey(string accessKeyId, string secretAccessKey, string? sessionToken = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKeyId);
        ArgumentException.ThrowIfNullOrWhiteSpace(secretAccessKey);
        return sessionToken is null
            ? new BasicAWSCredentials(accessKeyId, secretAccessKey)
            : new SessionAWSCredentials(accessKeyId, secretAccessKey, sessionToken);
    }
}
