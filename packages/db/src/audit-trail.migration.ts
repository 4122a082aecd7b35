import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from './migration-schema';
import { APPLICATION_ROLE } from './row-scope';

/**
 * The audit trail (ADR 0008): every change of an audited table as who, what, when, before → after,
 * appended by a trigger and hash-chained. The application role may only read it: the trigger
 * function writes as the table owner (SECURITY DEFINER), and a second trigger refuses any update
 * or delete of the trail itself. Writers take a transaction-level advisory lock so the chain is
 * linear; `seq` is gapless in chain order.
 *
 * The hashed text is fixed here and re-derived independently by the verifier (audit-verifier.ts):
 * seq|occurred_at in epoch microseconds|actor|table|record id|operation|before|after|previous hash.
 * A record id is its key columns' values joined by '/' (the `id` column unless the table says).
 */
export class CreateAuditTrail1795300000002 implements MigrationInterface {
  name = 'CreateAuditTrail1795300000002';

  async up(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`
      CREATE TABLE ${s}.audit_log (
        seq bigint PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        actor text,
        table_name text NOT NULL,
        record_id text NOT NULL,
        operation text NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')),
        before jsonb,
        after jsonb,
        prev_hash text NOT NULL,
        hash text NOT NULL
      )`);
    await q.query(`CREATE INDEX audit_log_record ON ${s}.audit_log (table_name, record_id, seq)`);
    await q.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${s}.audit_log FROM ${APPLICATION_ROLE}`);
    await q.query(`GRANT SELECT ON ${s}.audit_log TO ${APPLICATION_ROLE}`);

    // Appends one entry to the chain; the row trigger and the baseline of existing rows use it.
    await q.query(`
      CREATE FUNCTION ${s}.audit_append(tbl text, keys text[], op text, old_row jsonb, new_row jsonb)
        RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      DECLARE
        last record;
        next_seq bigint;
        at timestamptz := clock_timestamp();
        who text := nullif(current_setting('eco.actor', true), '');
        id text := (SELECT coalesce(string_agg(coalesce(new_row, old_row) ->> k, '/' ORDER BY n), '')
                      FROM unnest(keys) WITH ORDINALITY AS u(k, n));
        prev text;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('${s}.audit_log'));
        SELECT seq, hash INTO last FROM ${s}.audit_log ORDER BY seq DESC LIMIT 1;
        next_seq := coalesce(last.seq, 0) + 1;
        prev := coalesce(last.hash, 'genesis');
        INSERT INTO ${s}.audit_log
          (seq, occurred_at, actor, table_name, record_id, operation, before, after, prev_hash, hash)
        VALUES (next_seq, at, who, tbl, id, op, old_row, new_row, prev,
          encode(sha256(convert_to(concat_ws('|',
            next_seq::text,
            ((extract(epoch FROM at) * 1000000)::bigint)::text,
            coalesce(who, ''), tbl, id, op,
            coalesce(old_row::text, 'null'), coalesce(new_row::text, 'null'), prev), 'UTF8')), 'hex'));
      END $$`);
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
        -- The record's key columns are the trigger's arguments (none: 'id').
        PERFORM ${s}.audit_append(TG_TABLE_NAME, CASE WHEN TG_NARGS = 0 THEN ARRAY['id'] ELSE TG_ARGV END,
          TG_OP, old_row, new_row);
        RETURN NULL;
      END $$`);
    // Rows that exist when a table starts being audited enter the trail once, as a baseline.
    await q.query(`
      CREATE FUNCTION ${s}.audit_baseline(tbl text, keys text[]) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      DECLARE
        r record;
        acting text := current_setting('eco.actor', true);
      BEGIN
        PERFORM set_config('eco.actor', 'system:audit-baseline', true);
        FOR r IN EXECUTE format('SELECT to_jsonb(x) AS j FROM ${s}.%I x', tbl) LOOP
          PERFORM ${s}.audit_append(tbl, keys, 'INSERT', NULL, r.j);
        END LOOP;
        PERFORM set_config('eco.actor', coalesce(acting, ''), true);
      END $$`);
    await q.query(`
      CREATE FUNCTION ${s}.audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${s}.audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION ${s}.audit_log_is_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`DROP TABLE ${s}.audit_log`);
    await q.query(`DROP FUNCTION ${s}.audit_log_is_append_only()`);
    await q.query(`DROP FUNCTION ${s}.audit_baseline(text, text[])`);
    await q.query(`DROP FUNCTION ${s}.audit_row()`);
    await q.query(`DROP FUNCTION ${s}.audit_append(text, text[], text, jsonb, jsonb)`);
  }
}
