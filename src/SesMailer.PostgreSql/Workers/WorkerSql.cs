namespace SesMailer.PostgreSql.Workers;

/// <summary>The worker's statements, for one schema. Leases are computed by the database's clock.</summary>
internal sealed class WorkerSql(string s)
{
    /// <summary>The next message a worker could claim: its lane and size decide the budget chunk to take.</summary>
    public string Head => $"""
        SELECT lane, recipient_count FROM {s}.messages
        WHERE state = 'pending' AND available_at <= now()
        ORDER BY lane, available_at, id LIMIT 1
        """;

    /// <summary>Whether anything is left for a run that stops when the queue is empty: pending (even in backoff), claimed or sending.</summary>
    public string Left => $"SELECT EXISTS (SELECT 1 FROM {s}.messages WHERE state IN ('pending', 'claimed', 'sending'))";

    /// <summary>
    /// Claims, for owner $1 and lease $2, the oldest pending messages of lanes up to $3 whose recipients add up to at
    /// most $4, at most $5 of them. Rows other workers hold are skipped, never waited for. In the same statement, budget
    /// chunk $6 shrinks to the recipients claimed: what no row fitted is free for other workers at once, not when the
    /// chunk's sends have been answered.
    /// </summary>
    public string Claim => $"""
        WITH candidates AS (
            SELECT id, lane, available_at, recipient_count FROM {s}.messages
            WHERE state = 'pending' AND available_at <= now() AND lane <= $3
            ORDER BY lane, available_at, id
            LIMIT $5
            FOR UPDATE SKIP LOCKED
        ), fitting AS (
            SELECT id FROM (
                SELECT id, sum(recipient_count) OVER (ORDER BY lane, available_at, id) AS running FROM candidates) c
            WHERE running <= $4
        ), claimed AS (
            UPDATE {s}.messages m
            SET state = 'claimed', lease_owner = $1, claimed_at = clock_timestamp(), lease_expires_at = clock_timestamp() + $2
            FROM fitting WHERE m.id = fitting.id
            RETURNING m.id, m.lane, m.mime, m.sender, m.recipients, m.configuration_set, m.tags, m.email_name, m.traceparent, m.tracestate, m.attempts, m.recipient_count, m.claimed_at
        ), shrunk AS (
            UPDATE {s}.budget_chunks SET recipients = least(recipients, (SELECT coalesce(sum(recipient_count), 0) FROM claimed))
            WHERE id = $6 AND released_at IS NULL
        )
        SELECT id, lane, mime, sender, recipients, configuration_set, tags, email_name, traceparent, tracestate, attempts, claimed_at FROM claimed
        """;

    /// <summary>Message $1, claimed by $2, is about to leave: committed before the SES call, with the sending lease $3.</summary>
    public string Sending => $"""
        UPDATE {s}.messages SET state = 'sending', sending_at = clock_timestamp(), attempts = attempts + 1, lease_expires_at = clock_timestamp() + $3
        WHERE id = $1 AND state = 'claimed' AND lease_owner = $2
        """;

    /// <summary>
    /// Records the outcome of message $1 sent by $2 in its claim $9 (<c>claimed_at</c>) and attempt $10: state $3, SES
    /// message id $4, error code $5 and text $6, available again after $7 when back to pending, the attempt not
    /// counted when $8. Two statements, one round trip: the first records a row still <c>sending</c>; the second settles
    /// a row the sweeper declared in doubt meanwhile (the answer came, but the database was away past the sending
    /// lease) to a definite answer, or back to pending when the worker knows it never left ($8). Neither touches a row
    /// a person resolved (<c>lease_owner</c> cleared) or that was claimed again (another <c>claimed_at</c>, attempt).
    /// </summary>
    public string[] Finish =>
    [
        FinishWhere("state = 'sending'"),
        FinishWhere("state = 'in_doubt' AND ($3 <> 'pending' OR $8)"),
    ];

    /// <summary>
    /// Message $1, claimed by $2 in claim $3, whose <c>sending</c> commit failed with the connection (it may or may not
    /// have committed) and which was therefore never offered to SES: back to pending, its attempt $4 not counted. From
    /// <c>claimed</c> (the commit never happened), <c>sending</c> (it did), or <c>in_doubt</c> (it did, and the lease
    /// ran out while the database was away).
    /// </summary>
    public string Unsent => $"""
        UPDATE {s}.messages SET state = 'pending', lease_owner = NULL, lease_expires_at = NULL, claimed_at = NULL, available_at = clock_timestamp(),
            attempts = CASE WHEN state = 'claimed' THEN attempts ELSE attempts - 1 END,
            finished_at = NULL, sending_at = CASE WHEN state = 'claimed' THEN sending_at ELSE NULL END,
            last_error_code = CASE WHEN state = 'in_doubt' THEN NULL ELSE last_error_code END,
            last_error = CASE WHEN state = 'in_doubt' THEN NULL ELSE last_error END
        WHERE id = $1 AND lease_owner = $2 AND claimed_at = $3
            AND (state = 'claimed' OR (state IN ('sending', 'in_doubt') AND attempts = $4))
        """;

    private string FinishWhere(string state) => $"""
        UPDATE {s}.messages SET state = $3, ses_message_id = coalesce($4, ses_message_id), last_error_code = $5, last_error = $6,
            finished_at = CASE WHEN $3 = 'pending' THEN NULL ELSE clock_timestamp() END,
            available_at = CASE WHEN $3 = 'pending' THEN clock_timestamp() + $7 ELSE available_at END,
            attempts = CASE WHEN $8 THEN attempts - 1 ELSE attempts END,
            lease_owner = NULL, lease_expires_at = NULL
        WHERE id = $1 AND lease_owner = $2 AND claimed_at = $9 AND attempts = $10 AND {state}
        """;

    /// <summary>Gives claimed messages $1 of owner $2 back to pending, unsent.</summary>
    public string Unclaim => $"""
        UPDATE {s}.messages SET state = 'pending', lease_owner = NULL, lease_expires_at = NULL, claimed_at = NULL
        WHERE id = ANY($1) AND state = 'claimed' AND lease_owner = $2
        """;

    /// <summary>
    /// Expired leases: a claimed message goes back to pending (it never left); a message being sent becomes in doubt,
    /// never pending, since it may have reached SES. Returns how many of each.
    /// </summary>
    public string[] Sweep =>
    [
        $"""
        UPDATE {s}.messages SET state = 'pending', lease_owner = NULL, lease_expires_at = NULL, claimed_at = NULL
        WHERE state = 'claimed' AND lease_expires_at < clock_timestamp()
        """,
        $"""
        UPDATE {s}.messages SET state = 'in_doubt', finished_at = clock_timestamp(), last_error_code = 'LeaseExpired',
            last_error = 'The worker sending it (' || coalesce(lease_owner, '?') || ') stopped answering before SES''s answer was recorded: SES may have accepted it.'
        WHERE state = 'sending' AND lease_expires_at < clock_timestamp()
        """,
    ];
}
