namespace SesMailer.PostgreSql.Queueing;

/// <summary>What queuing one message did.</summary>
/// <param name="Id">The message's stable id: the queue row's key, the <c>X-SesMailer-Id</c> header and the SES tag <c>sesmailer-id</c>.</param>
/// <param name="Inserted">
/// <see langword="false"/> when a message with this id was already queued (a retried transaction): the queue kept the
/// first one and stored nothing.
/// </param>
public sealed record EnqueueResult(string Id, bool Inserted);
