namespace SesMailer.Ses;

/// <summary>
/// The client cannot be set up: no region, no credentials, or an endpoint that is not an absolute http(s) URI.
/// Raised before any request is sent; the message says which setting to provide.
/// </summary>
public sealed class SesConfigurationException(string message, Exception? innerException = null)
    : InvalidOperationException(message, innerException);
