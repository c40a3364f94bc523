// Part of the rule book (src/Rules/README.md): compiled into the generator, SesMailer and SesMailer.Ses.
namespace SesMailer.Rules;

/// <summary>
/// What a rule found: success (with the value in its normalized form, when the rule has one) or the rule broken and why.
/// </summary>
/// <remarks>
/// <see cref="Message"/> names no field: each caller knows the field (<c>To[2]</c>, <c>Tags[1].Name</c>, an attribute
/// property) and puts it in front, so the same rule reads the same at build time, in the mailer and in the client.
/// </remarks>
internal sealed class RuleResult
{
    private static readonly RuleResult ValidWithoutValue = new(null, null, null, 0);

    private RuleResult(string? rule, string? message, string? value, long amount)
    {
        Rule = rule;
        Message = message;
        Value = value;
        Amount = amount;
    }

    /// <summary>The id of the broken rule (<see cref="RuleIds"/>), or <see langword="null"/> when the value is valid.</summary>
    public string? Rule { get; }

    /// <summary>Why the rule is broken and what to do, without the field; <see langword="null"/> when valid.</summary>
    public string? Message { get; }

    /// <summary>The checked value in the form to send (an address with a punycode domain), when the rule normalizes.</summary>
    public string? Value { get; }

    /// <summary>What a counting rule counted (recipients, bytes); 0 otherwise.</summary>
    public long Amount { get; }

    /// <summary>Whether no rule is broken.</summary>
    public bool IsValid => Rule is null;

    public static RuleResult Valid(string? value = null) => value is null ? ValidWithoutValue : new(null, null, value, 0);

    public static RuleResult Broken(string rule, string message, long amount = 0) => new(rule, message, null, amount);
}
