using System.Globalization;
using System.Text;

namespace SesMailer.PostgreSql.Schema;

/// <summary>
/// The queue's tables, as numbered migrations written once as SQL. <see cref="Script"/> is what
/// <see cref="PostgresOutbox.MigrateAsync"/> runs and what <c>migrate --script</c> prints: each migration is a
/// <c>DO</c> block that applies itself only when <c>schema_version</c> does not list it yet, all under a
/// transaction-scoped advisory lock, so running it twice, or from several processes at once, is safe.
/// </summary>
internal static class QueueSchema
{
    /// <summary>The newest migration's number.</summary>
    public static int LatestVersion => Migrations.Length;

    // Append only: a migration once released is never edited, a change is a new one.
    private static readonly (string Description, string Sql)[] Migrations =
    [
        ("messages, budget and budget chunks", """
            CREATE TABLE {s}.messages (
                id                text PRIMARY KEY,
                state             text NOT NULL DEFAULT 'pending'
                                  CHECK (state IN ('pending', 'claimed', 'sending', 'sent', 'rejected', 'failed', 'in_doubt', 'cancelled')),
                lane              smallint NOT NULL CHECK (lane IN (0, 1)),
                mime              bytea NOT NULL,
                sender            text NOT NULL,
                recipients        text[] NOT NULL,
                recipient_count   integer NOT NULL CHECK (recipient_count BETWEEN 1 AND 50),
                configuration_set text,
                tags              text[] NOT NULL DEFAULT '{}',
                email_name        text,
                traceparent       text,
                tracestate        text,
                attempts          integer NOT NULL DEFAULT 0,
                enqueued_at       timestamptz NOT NULL DEFAULT now(),
                available_at      timestamptz NOT NULL DEFAULT now(),
                claimed_at        timestamptz,
                sending_at        timestamptz,
                finished_at       timestamptz,
                lease_owner       text,
                lease_expires_at  timestamptz,
                ses_message_id    text,
                last_error_code   text,
                last_error        text
            );
            COMMENT ON TABLE {s}.messages IS 'SesMailer queue: one row per message (README of SesMailer.PostgreSql).';
            CREATE INDEX messages_pending ON {s}.messages (lane, available_at, id) WHERE state = 'pending';
            CREATE INDEX messages_leased ON {s}.messages (lease_expires_at) WHERE state IN ('claimed', 'sending');
            CREATE INDEX messages_ses_message_id ON {s}.messages (ses_message_id) WHERE ses_message_id IS NOT NULL;
            CREATE INDEX messages_in_doubt ON {s}.messages (finished_at) WHERE state = 'in_doubt';
            CREATE INDEX messages_sent ON {s}.messages (finished_at) WHERE state = 'sent';
            CREATE TABLE {s}.budget (
                name            text PRIMARY KEY,
                max_rate        double precision NOT NULL CHECK (max_rate > 0),
                interactive_share double precision NOT NULL DEFAULT 0.1,
                reduced_rate    double precision,
                reduced_at      timestamptz,
                stopped_until   timestamptz,
                stop_reason     text,
                throttles       bigint NOT NULL DEFAULT 0,
                updated_at      timestamptz NOT NULL DEFAULT now()
            );
            CREATE TABLE {s}.budget_chunks (
                id               bigserial PRIMARY KEY,
                budget           text NOT NULL REFERENCES {s}.budget (name) ON DELETE CASCADE,
                owner            text NOT NULL,
                lane             smallint NOT NULL,
                recipients       integer NOT NULL CHECK (recipients >= 0),
                granted_at       timestamptz NOT NULL,
                lease_expires_at timestamptz NOT NULL,
                released_at      timestamptz
            );
            CREATE INDEX budget_chunks_budget ON {s}.budget_chunks (budget, granted_at);
            """),
    ];

    /// <summary>
    /// The whole migration as one idempotent SQL script for schema <paramref name="schema"/>, to run in one
    /// transaction: <paramref name="transaction"/> wraps it in <c>BEGIN</c>/<c>COMMIT</c> for psql.
    /// </summary>
    public static string Script(string schema, bool transaction)
    {
        QueueSchemaName.ThrowIfInvalid(schema);
        var sql = new StringBuilder();
        sql.Append("-- SesMailer.PostgreSql queue schema \"").Append(schema).Append("\", migrations 1 to ")
            .Append(LatestVersion.ToString(CultureInfo.InvariantCulture)).Append(". Idempotent: applied migrations are skipped.\n");
        if (transaction)
        {
            sql.Append("BEGIN;\n");
        }

        // One migrator at a time per schema, for the whole transaction: concurrent starts queue up here, then find the work done.
        sql.Append("SELECT pg_advisory_xact_lock(hashtext('sesmailer.migrate.").Append(schema).Append("'));\n");
        sql.Append("CREATE SCHEMA IF NOT EXISTS ").Append(schema).Append(";\n");
        sql.Append("CREATE TABLE IF NOT EXISTS ").Append(schema).Append(".schema_version (\n")
            .Append("    version integer PRIMARY KEY,\n    description text NOT NULL,\n    applied_at timestamptz NOT NULL DEFAULT now()\n);\n");
        for (var i = 0; i < Migrations.Length; i++)
        {
            var version = (i + 1).ToString(CultureInfo.InvariantCulture);
            var (description, body) = Migrations[i];
            sql.Append("DO $migration$\nBEGIN\n    IF NOT EXISTS (SELECT 1 FROM ").Append(schema).Append(".schema_version WHERE version = ").Append(version).Append(") THEN\n");
            foreach (var line in body.Replace("{s}", schema, StringComparison.Ordinal).Split('\n'))
            {
                sql.Append("        ").Append(line.TrimEnd('\r')).Append('\n');
            }

            sql.Append("        INSERT INTO ").Append(schema).Append(".schema_version (version, description) VALUES (")
                .Append(version).Append(", '").Append(description).Append("');\n    END IF;\nEND\n$migration$;\n");
        }

        if (transaction)
        {
            sql.Append("COMMIT;\n");
        }

        return sql.ToString();
    }
}
