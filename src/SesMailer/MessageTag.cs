namespace SesMailer;

/// <summary>An SES message tag (name and value, each <c>[A-Za-z0-9_-]</c>, at most 256 characters).</summary>
public sealed record MessageTag(string Name, string Value);
