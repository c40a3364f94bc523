using SesMailer.Sending;

namespace SesMailer.Outbox;

/// <summary>What became of one message of an outbox folder, and where its <c>.eml</c> now is.</summary>
/// <param name="Outcome">The outcome: sent, rejected, failed, in doubt, or not attempted (then back in the queue).</param>
/// <param name="Path">The message's <c>.eml</c> file after the outcome (in <c>sent/</c>, <c>failed/</c>, <c>in-doubt/</c> or the folder itself).</param>
public sealed record OutboxOutcome(SendOutcome Outcome, string Path);
