using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace SesMailer.Ses.Connection;

/// <summary>
/// Resolves region, endpoint and credentials the way every AWS tool does, through AWSSDK.Core, so a machine set up
/// for the AWS CLI works unchanged.
/// </summary>
public static class SesConnectionResolver
{
    /// <summary>
    /// The region: options, else the profile's region, else the AWS chain (<c>AWS_REGION</c>, the config file's
    /// profile), else <c>AWS_DEFAULT_REGION</c>, which the AWS CLI reads but AWSSDK.Core does not.
    /// </summary>
    /// <exception cref="SesConfigurationException">No region can be found.</exception>
    public static string ResolveRegion(SesClientOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Region))
        {
            return options.Region.Trim();
        }

        if (options.Profile is not null && new CredentialProfileStoreChain().TryGetProfile(options.Profile, out var profile) && profile.Region is not null)
        {
            return profile.Region.SystemName;
        }

        var fallback = FallbackRegionFactory.GetRegionEndpoint(includeInstanceMetadata: false);
        if (fallback is not null)
        {
            return fallback.SystemName;
        }

        return Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") is { } legacy && !string.IsNullOrWhiteSpace(legacy)
            ? legacy.Trim()
            : throw new SesConfigurationException(
                "No AWS region is configured: set SesClientOptions.Region (--region), the AWS_REGION (or AWS_DEFAULT_REGION) environment variable, or a region in the AWS config file profile.");
    }

    /// <summary>The region as <see cref="ResolveRegion"/> finds it, or <see langword="null"/> when there is none.</summary>
    public static string? TryResolveRegion(SesClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            return ResolveRegion(options);
        }
        catch (SesConfigurationException)
        {
            return null;
        }
    }

    /// <summary>The endpoint: options, else <c>AWS_ENDPOINT_URL_SES</c>, else <c>AWS_ENDPOINT_URL</c>, else <c>https://email.{region}.amazonaws.com</c>.</summary>
    /// <exception cref="SesConfigurationException">
    /// The configured endpoint is not an absolute http(s) URI, or it is plain http to a host that is not loopback
    /// while <see cref="SesClientOptions.AllowInsecureHttp"/> is off.
    /// </exception>
    public static Uri ResolveEndpoint(SesClientOptions options, string region)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Endpoint is not null)
        {
            return Validate(options.Endpoint, "SesClientOptions.Endpoint", options.AllowInsecureHttp);
        }

        foreach (var variable in new[] { "AWS_ENDPOINT_URL_SES", "AWS_ENDPOINT_URL" })
        {
            var value = Environment.GetEnvironmentVariable(variable);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
                    ? Validate(uri, variable, options.AllowInsecureHttp)
                    : throw new SesConfigurationException($"{variable} must be an absolute http(s) URL; it is \"{value}\".");
            }
        }

        return new Uri($"https://email.{region}.amazonaws.com/");
    }

    /// <summary>The credentials: <paramref name="credentials"/> when given, else the named profile, else the default chain.</summary>
    /// <exception cref="SesConfigurationException">The profile does not exist or no credentials can be found.</exception>
    public static AWSCredentials ResolveCredentials(SesClientOptions options, AWSCredentials? credentials = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (credentials is not null)
        {
            return credentials;
        }

        if (options.Profile is not null)
        {
            return new CredentialProfileStoreChain().TryGetAWSCredentials(options.Profile, out var fromProfile)
                ? fromProfile
                : throw new SesConfigurationException($"The AWS profile \"{options.Profile}\" was not found (or holds no credentials) in the shared credentials or config file.");
        }

        try
        {
            return new DefaultAWSCredentialsIdentityResolver().ResolveIdentity(null);
        }
        catch (AmazonClientException e)
        {
            throw new SesConfigurationException(
                "No AWS credentials were found: give the client credentials, set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or a shared credentials file.", e);
        }
    }

    /// <summary>
    /// Whether the endpoint's host is this machine: an IPv4 address in <c>127.0.0.0/8</c>, <c>::1</c> (also as
    /// <c>::ffff:127.x.x.x</c>) or the name <c>localhost</c>. Plain http to such a host never leaves the machine.
    /// </summary>
    /// <param name="endpoint">An absolute URI.</param>
    public static bool IsLoopback(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
        {
            // DnsSafeHost drops the brackets of an IPv6 literal; one that does not parse (an odd scope id) is not loopback.
            return IPAddress.TryParse(endpoint.DnsSafeHost, out var address)
                && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
        }

        // Only the exact name: other names (localhost.example.com, *.localhost) depend on the resolver.
        return endpoint.HostNameType == UriHostNameType.Dns && string.Equals(endpoint.DnsSafeHost, "localhost", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The endpoint as it may be shown in logs and messages: scheme, host, port and path, never user info.</summary>
    internal static string Display(Uri endpoint) =>
        endpoint.IsAbsoluteUri ? endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : endpoint.ToString();

    private static Uri Validate(Uri uri, string source, bool allowInsecureHttp)
    {
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new SesConfigurationException($"{source} must be an absolute http(s) URL; it is \"{Display(uri)}\".");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !allowInsecureHttp && !IsLoopback(uri))
        {
            throw new SesConfigurationException(
                $"{source} is \"{Display(uri)}\": plain http to a host that is not loopback, so credentials (the access key id and any session token), " +
                "request signatures and messages would travel in clear text. Use https, or accept the risk explicitly with " +
                "SesClientOptions.AllowInsecureHttp (Ses:AllowInsecureHttp in configuration, --allow-insecure-http on the sesmailer command line).");
        }

        return uri;
    }
}
