namespace SesMailer.PostgreSql.Budget;

/// <summary>The budget's statements, for one schema. Every time is the database's clock, never a worker's.</summary>
internal sealed class BudgetSql(string s)
{
    // The rate now: after a throttle it restarts from the reduced rate and climbs back by a twentieth of the rate per second.
    private const string Rate = """
        CASE WHEN b.reduced_at IS NULL THEN b.max_rate
             ELSE least(b.max_rate, b.reduced_rate + greatest(0.5, b.max_rate / 20) * extract(epoch FROM clock_timestamp() - b.reduced_at)) END
        """;

    // A chunk counts from its grant until a second after its release (or after its lease, if its worker died): SES
    // counts a send in the second it accepts it, which is somewhere between the two.
    private readonly string _inUse = $"""
        (SELECT coalesce(sum(c.recipients), 0)::int FROM {s}.budget_chunks c
          WHERE c.budget = b.name AND coalesce(c.released_at, c.lease_expires_at) + interval '1 second' > clock_timestamp())
        """;

    // Interactive work wants its share: an interactive row is ready to claim, or an interactive chunk (an empty one
    // included, left by a request that had to wait) counts in the current second.
    private readonly string _interactiveWaiting = $"""
        (EXISTS (SELECT 1 FROM {s}.messages m WHERE m.state = 'pending' AND m.lane = 0 AND m.available_at <= now())
         OR EXISTS (SELECT 1 FROM {s}.budget_chunks c WHERE c.budget = state.name AND c.lane = 0
                      AND coalesce(c.released_at, c.lease_expires_at) + interval '1 second' > clock_timestamp()))
        """;

    /// <summary>Writes the account's rate ($2) and interactive share ($3); $4 false only inserts (a fallback never overwrites a known rate).</summary>
    public string Upsert => $"""
        INSERT INTO {s}.budget AS b (name, max_rate, interactive_share) VALUES ($1, $2, $3)
        ON CONFLICT (name) DO UPDATE SET max_rate = EXCLUDED.max_rate, interactive_share = EXCLUDED.interactive_share, updated_at = now()
        WHERE $4
        """;

    /// <summary>
    /// Three statements run as one batch (one implicit transaction): lock the budget row, so grants are made one at a
    /// time; then, with a snapshot taken after the lock (READ COMMITTED gives each statement its own), grant the chunk
    /// if it fits; then forget chunks long over. $1 name, $2 lane, $3 recipients wanted, $4 owner, $5 lease, $6 minimum.
    /// </summary>
    public string[] Take =>
    [
        $"SELECT 1 FROM {s}.budget WHERE name = $1 FOR UPDATE",
        $"""
        WITH state AS (
            SELECT b.name, b.stopped_until, b.stop_reason, {Rate} AS rate, b.interactive_share, {_inUse} AS in_use
            FROM {s}.budget b WHERE b.name = $1
        ), capacity AS (
            -- Work-conserving: bulk leaves the interactive share free only while interactive work wants it.
            SELECT state.*, CASE WHEN $2 = 0 OR NOT {_interactiveWaiting} THEN greatest(1, floor(rate + 1e-9))
                                 ELSE greatest(1, floor(floor(rate + 1e-9) * (1 - interactive_share) + 1e-9)) END AS capacity
            FROM state
        ), granted AS (
            SELECT capacity.*, CASE WHEN stopped_until > clock_timestamp() THEN 0
                                    -- A message larger than a second's rate goes alone, into a second with nothing else in it.
                                    WHEN in_use = 0 THEN $3
                                    ELSE least($3, greatest(0, capacity - in_use)) END::int AS size
            FROM capacity
        ), chunk AS (
            INSERT INTO {s}.budget_chunks (budget, owner, lane, recipients, granted_at, lease_expires_at)
            SELECT name, $4, $2, size, clock_timestamp(), clock_timestamp() + $5 FROM granted WHERE size >= $6
            RETURNING id, recipients
        ), wanted AS (
            -- An interactive request that must wait leaves an empty chunk behind: for the next second it keeps bulk
            -- out of the interactive share, so the share frees for it as bulk chunks end.
            INSERT INTO {s}.budget_chunks (budget, owner, lane, recipients, granted_at, lease_expires_at, released_at)
            SELECT name, $4, $2, 0, clock_timestamp(), clock_timestamp(), clock_timestamp() FROM granted WHERE $2 = 0 AND size < $6
        )
        SELECT chunk.id, chunk.recipients, g.rate, g.in_use,
               CASE WHEN g.stopped_until > clock_timestamp() THEN g.stopped_until END AS stopped_until, g.stop_reason,
               (SELECT extract(epoch FROM min(c.released_at) + interval '1 second' - clock_timestamp())
                  FROM {s}.budget_chunks c WHERE c.budget = $1 AND c.recipients > 0
                    AND c.released_at + interval '1 second' > clock_timestamp()) AS frees_in
        FROM granted g LEFT JOIN chunk ON true
        """,
        $"DELETE FROM {s}.budget_chunks WHERE budget = $1 AND coalesce(released_at, lease_expires_at) < clock_timestamp() - interval '1 minute'",
    ];

    /// <summary>Releases chunk $1, keeping $2 recipients counted for one more second.</summary>
    public string Release => $"UPDATE {s}.budget_chunks SET released_at = clock_timestamp(), recipients = least(recipients, $2) WHERE id = $1 AND released_at IS NULL";

    /// <summary>Halves the rate of budget $1, at most once a second (the sends of one burst are throttled together).</summary>
    public string Throttled => $"""
        UPDATE {s}.budget b SET throttles = throttles + 1,
            reduced_rate = CASE WHEN b.reduced_at IS NULL OR b.reduced_at < clock_timestamp() - interval '1 second' THEN greatest(0.5, ({Rate}) / 2) ELSE b.reduced_rate END,
            reduced_at = CASE WHEN b.reduced_at IS NULL OR b.reduced_at < clock_timestamp() - interval '1 second' THEN clock_timestamp() ELSE b.reduced_at END
        WHERE b.name = $1
        """;

    /// <summary>Stops every worker of budget $1 for $2, for reason $3.</summary>
    public string Stop => $"UPDATE {s}.budget SET stopped_until = clock_timestamp() + $2, stop_reason = $3 WHERE name = $1";

    /// <summary>Lets the workers of budget $1 go again.</summary>
    public string Resume => $"UPDATE {s}.budget SET stopped_until = NULL, stop_reason = NULL WHERE name = $1";

    /// <summary>The state of budget $1.</summary>
    public string Read => $"""
        SELECT b.name, b.max_rate, {Rate} AS rate, {_inUse} AS in_use, b.throttles,
               CASE WHEN b.stopped_until > clock_timestamp() THEN b.stopped_until END, b.stop_reason
        FROM {s}.budget b WHERE b.name = $1
        """;
}
