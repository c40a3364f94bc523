namespace SesMailer.Ses;

/// <summary>
/// How <see cref="SesClient"/> reaches SES: plain settings, bound from configuration (<c>SesMailer:Ses</c>) as they are.
/// Everything is optional: what is left unset comes from the standard AWS chain (environment variables,
/// <c>AWS_PROFILE</c>, the shared credentials and config files, session tokens, SSO, container and instance roles),
/// exactly as the AWS CLI and SDKs resolve it. Credentials are never a setting: as in the AWS SDKs, explicit keys are
/// given to the client itself (see <see cref="SesCredentials.FromAccessKey"/>).
/// </summary>
public sealed class SesClientOptions
{
    /// <summary>The default of <see cref="MaxResponseBytes"/>: 1 MiB.</summary>
    public const int DefaultMaxResponseBytes = 1024 * 1024;

    /// <summary>
    /// The AWS region, for example <c>us-west-2</c>. When <see langword="null"/>: the profile's region, else
    /// <c>AWS_REGION</c> and the shared config file.
    /// </summary>
    public string? Region { get; set; }

    /// <summary>A named profile of the shared credentials/config files, used when the client is given no credentials of its own.</summary>
    public string? Profile { get; set; }

    /// <summary>
    /// The endpoint. When <see langword="null"/>: <c>AWS_ENDPOINT_URL_SES</c>, else <c>AWS_ENDPOINT_URL</c>, else
    /// <c>https://email.{region}.amazonaws.com</c>.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// Whether a plain <c>http://</c> <see cref="Endpoint"/> (or <c>AWS_ENDPOINT_URL_SES</c>, <c>AWS_ENDPOINT_URL</c>)
    /// on a host that is not loopback is accepted. Every request carries the access key id, a signature valid for
    /// minutes, any session token and the whole message, so over plain http they travel in clear text; without this
    /// opt-in such an endpoint is a <see cref="SesConfigurationException"/>. Loopback hosts (<c>127.0.0.0/8</c>,
    /// <c>::1</c>, <c>localhost</c>) are always accepted, for emulators and tests. When the opt-in is used, the client
    /// logs a warning naming the endpoint once, when it is created. A plain settable property, so it binds from a
    /// configuration section (<c>Ses:AllowInsecureHttp</c>). The default value is <see langword="false"/>.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// The largest answer the client reads, in bytes. SES answers are small XML documents (the largest, a full page
    /// of 1,000 identities or two weeks of statistics, stay under 400 KB), so a larger body is not SES (a proxy,
    /// a wrong endpoint) and is refused with <see cref="SesResponseTooLargeException"/> without being read to the end.
    /// The default value is 1,048,576 (1 MiB).
    /// </summary>
    public int MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>How failed requests are retried.</summary>
    public SesRetryOptions Retry { get; set; } = new();

    /// <summary>When the client stops calling SES for a while after repeated server errors.</summary>
    public SesCircuitBreakerOptions CircuitBreaker { get; set; } = new();

    /// <summary>
    /// How long one attempt may take before it is abandoned. An attempt abandoned after its body was sent is
    /// reported as <see cref="SesInDoubtException"/> for sends. The default value is 30 seconds.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public override string ToString() =>
        $"SesClientOptions {{ Region = {Region ?? "(chain)"}, Profile = {Profile ?? "(none)"}, Endpoint = {Endpoint?.ToString() ?? "(default)"} }}";
}

/// <summary>
/// Retry settings. Retried: send-rate throttling, HTTP 500/503 (and other 5xx), and connection failures before the
/// request was sent; each wait is a random time between zero and <c>min(MaxDelay, BaseDelay × 2^attempt)</c>
/// (capped exponential backoff with full jitter). Never retried: rejections, authentication errors, daily-quota
/// throttling, and sends whose answer was lost after the body left (in doubt).
/// </summary>
public sealed class SesRetryOptions
{
    /// <summary>Retries after the first attempt (0 disables retrying). The default value is 3.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The base of the exponential backoff. The default value is 200 milliseconds.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The cap of one wait. The default value is 20 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The time budget of one call, attempts and waits together: no retry starts after it is spent, and no wait
    /// runs past it. The default value is 60 seconds.
    /// </summary>
    public TimeSpan MaxRetryTime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Checks the settings; throws naming the one that is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        if (MaxRetryAttempts is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetryAttempts), MaxRetryAttempts, "SesRetryOptions.MaxRetryAttempts must be between 0 and 100.");
        }

        if (BaseDelay <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(BaseDelay), BaseDelay, "SesRetryOptions.BaseDelay must be positive.");
        }

        if (MaxDelay < BaseDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDelay), MaxDelay, "SesRetryOptions.MaxDelay must be at least BaseDelay.");
        }

        if (MaxRetryTime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetryTime), MaxRetryTime, "SesRetryOptions.MaxRetryTime must be positive.");
        }
    }
}

/// <summary>
/// The circuit breaker shared by every call of one client: when, within <see cref="SamplingDuration"/>, at least
/// <see cref="MinimumThroughput"/> attempts were made and at least <see cref="FailureRatio"/> of them failed with a
/// server error (5xx), a lost connection or an in-doubt outcome, calls fail at once with
/// <see cref="SesCircuitOpenException"/> for <see cref="BreakDuration"/>, then one trial call decides. SES's own
/// refusals (rejections, throttling) do not count: they prove SES is up.
/// </summary>
public sealed class SesCircuitBreakerOptions
{
    /// <summary>Whether the breaker is on. The default value is <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The share of failed attempts that opens the breaker, in (0, 1]. The default value is 0.5.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>The fewest attempts in the window before the breaker may open. The default value is 10.</summary>
    public int MinimumThroughput { get; set; } = 10;

    /// <summary>The window attempts are counted in. The default value is 30 seconds.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long calls fail fast once the breaker opened. The default value is 15 seconds.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Checks the settings; throws naming the one that is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        if (FailureRatio is <= 0 or > 1 || double.IsNaN(FailureRatio))
        {
            throw new ArgumentOutOfRangeException(nameof(FailureRatio), FailureRatio, "SesCircuitBreakerOptions.FailureRatio must be above 0 and at most 1.");
        }

        if (MinimumThroughput < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumThroughput), MinimumThroughput, "SesCircuitBreakerOptions.MinimumThroughput must be at least 2.");
        }

        if (SamplingDuration < TimeSpan.FromMilliseconds(500))
        {
            throw new ArgumentOutOfRangeException(nameof(SamplingDuration), SamplingDuration, "SesCircuitBreakerOptions.SamplingDuration must be at least 500 milliseconds.");
        }

        if (BreakDuration < TimeSpan.FromMilliseconds(500))
        {
            throw new ArgumentOutOfRangeException(nameof(BreakDuration), BreakDuration, "SesCircuitBreakerOptions.BreakDuration must be at least 500 milliseconds.");
        }
    }
}
