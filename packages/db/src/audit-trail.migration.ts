import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from './migration-schema';
import { APPLICATION_ROLE } from './row-scope';

/**
 * The audit trail (ADR 0008): every change of an audited table as who, what, when, before → after,
 * appended by a row trigger to `audit_log`, then hash-chained afterwards by `audit_seal` into
 * `audit_chain`. Writers only insert their own entries, so they never wait on one another; the
 * chain is built by one sealer at a time, in the order entries become visible (committed).
 *
 * The application role may only read the trail and call `audit_seal`: the functions write as the
 * owner (SECURITY DEFINER), and a statement trigger refuses any update or delete of the trail.
 *
 * The hashed text is fixed here and re-derived independently by the verifier (audit-verifier.ts):
 * seq|entry id|occurred_at in epoch microseconds|actor|table|record id|operation|before|after|
 * previous hash ('genesis' for seq 1). A record id is its key columns' values joined by '/' (the
 * `id` column unless the table says).
 */
export class CreateAuditTrail1795300000002 implements MigrationInterface {
  name = 'CreateAuditTrail1795300000002';

  async up(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    // Entries are immutable once written. `id` gives each record's order of changes (changes of
    // one row are serialised by its row lock); the sequence keeps its default cache of 1, which
    // audit_seal's horizon relies on.
    await q.query(`
      CREATE TABLE ${s}.audit_log (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        actor text,
        table_name text NOT NULL,
        record_id text NOT NULL,
        operation text NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')),
        before jsonb,
        after jsonb
      )`);
    await q.query(`CREATE INDEX audit_log_record ON ${s}.audit_log (table_name, record_id, id)`);
    await q.query(`
      CREATE TABLE ${s}.audit_chain (
        seq bigint PRIMARY KEY,
        entry_id bigint NOT NULL UNIQUE REFERENCES ${s}.audit_log (id),
        prev_hash text NOT NULL,
        hash text NOT NULL
      )`);
    // The sealer's progress: every entry with id <= sealed_through is chained or will never
    // exist; pending_* is a horizon taken at an earlier seal (see audit_seal).
    await q.query(`
      CREATE TABLE ${s}.audit_seal_state (
        sealed_through bigint NOT NULL,
        pending_through bigint NOT NULL,
        pending_xid xid8 NOT NULL
      )`);
    await q.query(`INSERT INTO ${s}.audit_seal_state VALUES (0, 0, '0')`);
    await q.query(
      `REVOKE ALL ON ${s}.audit_log, ${s}.audit_chain, ${s}.audit_seal_state FROM ${APPLICATION_ROLE}`,
    );
    await q.query(`REVOKE ALL ON SEQUENCE ${s}.audit_log_id_seq FROM ${APPLICATION_ROLE}`);
    await q.query(`GRANT SELECT ON ${s}.audit_log, ${s}.audit_chain TO ${APPLICATION_ROLE}`);

    await q.query(`
      CREATE FUNCTION ${s}.audit_record_id(j jsonb, keys text[]) RETURNS text LANGUAGE sql IMMUTABLE
        RETURN (SELECT coalesce(string_agg(j ->> k, '/' ORDER BY n), '')
                  FROM unnest(keys) WITH ORDINALITY AS u(k, n))`);
    await q.query(`
      CREATE FUNCTION ${s}.audit_row() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      DECLARE
        old_row jsonb := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END;
        new_row jsonb := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END;
      BEGIN
        IF TG_OP = 'UPDATE' AND old_row = new_row THEN
          RETURN NULL;
        END IF;
        INSERT INTO ${s}.audit_log (occurred_at, actor, table_name, record_id, operation, before, after)
        VALUES (clock_timestamp(), nullif(current_setting('eco.actor', true), ''), TG_TABLE_NAME,
          -- The record's key columns are the trigger's arguments (none: 'id').
          ${s}.audit_record_id(coalesce(new_row, old_row), CASE WHEN TG_NARGS = 0 THEN ARRAY['id'] ELSE TG_ARGV END),
          TG_OP, old_row, new_row);
        RETURN NULL;
      END $$`);
    // Rows that exist when a table starts being audited enter the trail once, as a baseline.
    await q.query(`
      CREATE FUNCTION ${s}.audit_baseline(tbl text, keys text[]) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        EXECUTE format(
          'INSERT INTO ${s}.audit_log (occurred_at, actor, table_name, record_id, operation, before, after)
           SELECT clock_timestamp(), %L, %L, ${s}.audit_record_id(to_jsonb(x), $1), %L, NULL, to_jsonb(x)
             FROM ${s}.%I x', 'system:audit-baseline', tbl, 'INSERT', tbl) USING keys;
      END $$`);

    /*
     * Chains up to max_rows entries not yet chained, in id order among those visible now; returns
     * how many (0 also when another sealer holds the lock: it will do them). An entry committed
     * after a later one was sealed is chained after it — its seq, not its id, gives chain order.
     *
     * Scanning only entries above sealed_through keeps each run proportional to recent writes. An
     * id may be handed out by a transaction that commits later, so sealed_through may only pass
     * ids whose writers have all ended: at each run the sealer notes the sequence's last value
     * and, just after, takes an xid of its own (pending_*); a writer holding a lower id had its
     * xid before (its row change precedes its trigger's nextval). Once every xid below that one
     * has ended (snapshot xmin), all those entries are visible, and this run's scan chains them.
     */
    await q.query(`
      CREATE FUNCTION ${s}.audit_seal(max_rows int) RETURNS int
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      DECLARE
        state ${s}.audit_seal_state;
        horizon_through bigint;
        horizon_xid xid8;
        horizon_passed boolean;
        last record;
        next_seq bigint;
        prev text;
        e record;
        sealed int := 0;
        h text;
      BEGIN
        IF NOT pg_try_advisory_xact_lock(hashtext('${s}.audit_chain')) THEN
          RETURN 0;
        END IF;
        SELECT * INTO STRICT state FROM ${s}.audit_seal_state;
        -- A horizon is only sound if taken before this transaction has any xid of its own.
        IF pg_current_xact_id_if_assigned() IS NULL THEN
          horizon_through := coalesce(pg_sequence_last_value('${s}.audit_log_id_seq'), 0);
          IF horizon_through = state.sealed_through THEN
            RETURN 0; -- nothing written since everything was sealed: stay idle, write nothing
          END IF;
          horizon_xid := pg_current_xact_id();
        END IF;
        horizon_passed := pg_snapshot_xmin(pg_current_snapshot()) >= state.pending_xid;

        SELECT seq, hash INTO last FROM ${s}.audit_chain ORDER BY seq DESC LIMIT 1;
        next_seq := coalesce(last.seq, 0);
        prev := coalesce(last.hash, 'genesis');
        FOR e IN
          SELECT l.* FROM ${s}.audit_log l
           WHERE l.id > state.sealed_through
             AND NOT EXISTS (SELECT 1 FROM ${s}.audit_chain c WHERE c.entry_id = l.id)
           ORDER BY l.id LIMIT max_rows
        LOOP
          next_seq := next_seq + 1;
          h := encode(sha256(convert_to(concat_ws('|',
                 next_seq::text, e.id::text,
                 ((extract(epoch FROM e.occurred_at) * 1000000)::bigint)::text,
                 coalesce(e.actor, ''), e.table_name, e.record_id, e.operation,
                 coalesce(e.before::text, 'null'), coalesce(e.after::text, 'null'), prev), 'UTF8')), 'hex');
          INSERT INTO ${s}.audit_chain (seq, entry_id, prev_hash, hash) VALUES (next_seq, e.id, prev, h);
          prev := h;
          sealed := sealed + 1;
        END LOOP;

        -- Move on only when this run saw everything up to the pending horizon.
        IF sealed < max_rows AND horizon_passed THEN
          UPDATE ${s}.audit_seal_state SET
            sealed_through = greatest(sealed_through, pending_through),
            pending_through = coalesce(horizon_through, pending_through),
            pending_xid = coalesce(horizon_xid, pending_xid);
        END IF;
        RETURN sealed;
      END $$`);

    await q.query(`
      CREATE FUNCTION ${s}.audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['audit_log', 'audit_chain']) {
      await q.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${s}.${table}
          FOR EACH STATEMENT EXECUTE FUNCTION ${s}.audit_log_is_append_only()`);
    }
    // Functions are executable by PUBLIC by default: only the sealer is the application's to call.
    await q.query(`REVOKE EXECUTE ON FUNCTION ${s}.audit_baseline(text, text[]) FROM PUBLIC`);
    await q.query(`REVOKE EXECUTE ON FUNCTION ${s}.audit_seal(int) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${s}.audit_seal(int) TO ${APPLICATION_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`DROP TABLE ${s}.audit_chain`);
    await q.query(`DROP TABLE ${s}.audit_log`);
    await q.query(`DROP TABLE ${s}.audit_seal_state`);
    await q.query(`DROP FUNCTION ${s}.audit_seal(int)`);
    await q.query(`DROP FUNCTION ${s}.audit_log_is_append_only()`);
    await q.query(`DROP FUNCTION ${s}.audit_baseline(text, text[])`);
    await q.query(`DROP FUNCTION ${s}.audit_row()`);
    await q.query(`DROP FUNCTION ${s}.audit_record_id(jsonb, text[])`);
  }
}
