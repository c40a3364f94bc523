namespace SesMailer.Ses.Model;

/// <summary>SendEmail: SES composes the message from the parts (no attachments).</summary>
public sealed record SendEmailRequest
{
    /// <summary>The sender, a verified identity (<c>Source</c>).</summary>
    public required string Source { get; init; }

    /// <summary>Primary recipients.</summary>
    public IReadOnlyList<string> ToAddresses { get; init; } = [];

    /// <summary>Carbon-copy recipients.</summary>
    public IReadOnlyList<string> CcAddresses { get; init; } = [];

    /// <summary>Blind carbon-copy recipients.</summary>
    public IReadOnlyList<string> BccAddresses { get; init; } = [];

    /// <summary>Reply-To addresses.</summary>
    public IReadOnlyList<string> ReplyToAddresses { get; init; } = [];

    /// <summary>The subject line.</summary>
    public required string Subject { get; init; }

    /// <summary>The plain-text body, or <see langword="null"/>. At least one of text and HTML is required.</summary>
    public string? TextBody { get; init; }

    /// <summary>The HTML body, or <see langword="null"/>.</summary>
    public string? HtmlBody { get; init; }

    /// <summary>The charset of subject and bodies. The default value is <c>UTF-8</c>.</summary>
    public string Charset { get; init; } = "UTF-8";

    /// <summary>Where bounces go (<c>ReturnPath</c>), or <see langword="null"/> for the source.</summary>
    public string? ReturnPath { get; init; }

    /// <summary>The configuration set, or <see langword="null"/>.</summary>
    public string? ConfigurationSetName { get; init; }

    /// <summary>Message tags.</summary>
    public IReadOnlyList<SesMessageTag> Tags { get; init; } = [];

    /// <summary>Sending authorization: the ARN of the identity allowed to send for <see cref="Source"/>.</summary>
    public string? SourceArn { get; init; }

    /// <summary>Sending authorization: the ARN of the identity for <see cref="ReturnPath"/>.</summary>
    public string? ReturnPathArn { get; init; }
}

/// <summary>The answer of SendEmail and SendRawEmail.</summary>
public sealed record SendEmailResponse : SesResponse
{
    /// <summary>The id SES gave the message.</summary>
    public required string MessageId { get; init; }
}
