namespace SesMailer.Compatibility;

/// <summary>How much a finding matters (the table is <see cref="LintRules.All"/>).</summary>
public enum LintSeverity
{
    /// <summary>Worth knowing: a client supports the feature only in part, or the email could be better.</summary>
    Info,

    /// <summary>Some recipients will see the email broken or degraded; shown, but does not fail a lint run.</summary>
    Warning,

    /// <summary>Unsafe, or refused outright: <c>sesmailer lint</c> exits 1, so CI can gate on it.</summary>
    Error,
}
