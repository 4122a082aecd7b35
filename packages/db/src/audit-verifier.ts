import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { applyRowScope } from './row-scope';
import { AUDIT_TRIGGER } from './audit-trail.migration-helpers';

export interface AuditFinding {
  kind: 'chain-broken' | 'record-diverged';
  table: string;
  recordId: string;
  seq: number | null;
  detail: string;
}

export interface AuditVerification {
  schema: string;
  entries: number;
  tablesChecked: string[];
  findings: AuditFinding[];
  /** Changes recorded with no application actor: made directly in the database. */
  unattributed: number;
}

interface ChainRow {
  seq: string;
  at_us: string;
  actor: string | null;
  table_name: string;
  record_id: string;
  operation: string;
  before_text: string | null;
  after_text: string | null;
  prev_hash: string;
  hash: string;
}

const BATCH = 5_000;
const MAX_FINDINGS = 200;

/**
 * Checks a schema's audit trail two ways, independently of the database's own functions:
 * 1. the chain: `seq` gapless from 1, each entry's `prev_hash` the previous `hash`, each `hash`
 *    recomputed here from the entry's stored fields — an edited or deleted entry breaks it;
 * 2. the records: every row of every audited table equals its latest audited state — a row
 *    changed with the trigger bypassed (replication role, disabled trigger) diverges.
 */
export async function verifyAuditTrail(dataSource: DataSource, schema: string): Promise<AuditVerification> {
  // Row-level security must not hide rows from the comparison: read everything, in one snapshot.
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    await manager.query('SET TRANSACTION READ ONLY');
    await applyRowScope(manager, 'all');
    return verifyIn(manager, schema);
  });
}

async function verifyIn(dataSource: EntityManager, schema: string): Promise<AuditVerification> {
  const s = `"${schema}"`;
  const findings: AuditFinding[] = [];
  const note = (finding: AuditFinding) => {
    if (findings.length < MAX_FINDINGS) findings.push(finding);
  };

  let entries = 0;
  let unattributed = 0;
  let previousHash = 'genesis';
  let expectedSeq = 1;
  for (;;) {
    const rows: ChainRow[] = await dataSource.query(
      `SELECT seq, ((extract(epoch FROM occurred_at) * 1000000)::bigint)::text AS at_us, actor,
              table_name, record_id, operation, before::text AS before_text, after::text AS after_text,
              prev_hash, hash
         FROM ${s}.audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2`,
      [expectedSeq, BATCH],
    );
    for (const row of rows) {
      const seq = Number(row.seq);
      const at = { table: row.table_name, recordId: row.record_id, seq };
      if (seq !== expectedSeq) {
        note({ kind: 'chain-broken', ...at, detail: `entries ${expectedSeq}..${seq - 1} are missing` });
      }
      if (row.prev_hash !== previousHash) {
        note({ kind: 'chain-broken', ...at, detail: 'does not link to the entry before it' });
      }
      const recomputed = createHash('sha256')
        .update(
          [
            row.seq,
            row.at_us,
            row.actor ?? '',
            row.table_name,
            row.record_id,
            row.operation,
            row.before_text ?? 'null',
            row.after_text ?? 'null',
            row.prev_hash,
          ].join('|'),
          'utf8',
        )
        .digest('hex');
      if (recomputed !== row.hash)
        note({ kind: 'chain-broken', ...at, detail: 'its content does not match its hash' });
      if (row.actor === null) unattributed += 1;
      previousHash = row.hash;
      expectedSeq = seq + 1;
      entries += 1;
    }
    if (rows.length < BATCH) break;
  }

  const tables: { table: string; args: Buffer }[] = await dataSource.query(
    `SELECT c.relname AS table, t.tgargs AS args FROM pg_trigger t
       JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND t.tgname = $2 ORDER BY c.relname`,
    [schema, AUDIT_TRIGGER],
  );
  for (const { table, args } of tables) {
    // The trigger's arguments name the key columns (NUL-terminated); none means `id`.
    const key = args.toString('utf8').split('\0').filter(Boolean);
    const recordId = (key.length > 0 ? key : ['id'])
      .map((column) => `to_jsonb(x) ->> '${column}'`)
      .join(`, `);
    // Compared on the audited columns only, so a column added later does not read as tampering.
    const diverged: { record_id: string; detail: string }[] = await dataSource.query(
      `WITH latest AS (
         SELECT DISTINCT ON (record_id) record_id, operation, after
           FROM ${s}.audit_log WHERE table_name = $1 ORDER BY record_id, seq DESC),
       present AS (SELECT concat_ws('/', ${recordId}) AS id, to_jsonb(x) AS row FROM ${s}."${table}" x)
       SELECT coalesce(p.id, l.record_id) AS record_id,
              CASE WHEN l.record_id IS NULL THEN 'the row has no audited history'
                   WHEN p.id IS NULL THEN 'the row was deleted without an audited delete'
                   WHEN l.operation = 'DELETE' THEN 'the row exists after its audited delete'
                   ELSE 'the row differs from its last audited state' END AS detail
         FROM present p FULL JOIN latest l ON l.record_id = p.id
        WHERE l.record_id IS NULL
           OR (p.id IS NULL AND l.operation <> 'DELETE')
           OR (p.id IS NOT NULL AND l.operation = 'DELETE')
           OR (p.id IS NOT NULL AND l.operation <> 'DELETE' AND
               (SELECT jsonb_object_agg(k, v) FROM jsonb_each(p.row) AS e(k, v) WHERE l.after ? k)
                 IS DISTINCT FROM l.after)
        LIMIT $2`,
      [table, MAX_FINDINGS],
    );
    for (const row of diverged) {
      note({ kind: 'record-diverged', table, recordId: row.record_id, seq: null, detail: row.detail });
    }
  }
  return { schema, entries, tablesChecked: tables.map((t) => t.table), findings, unattributed };
}
