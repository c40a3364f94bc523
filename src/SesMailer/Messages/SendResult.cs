namespace SesMailer;

/// <summary>The outcome of one accepted send.</summary>
/// <param name="MessageId">The id the transport gave the message (the SES message id, or the outbox file name).</param>
public sealed record SendResult(string MessageId);
