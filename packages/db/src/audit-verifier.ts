import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { applyRowScope } from './row-scope';
import { AUDIT_TRIGGER } from './audit-trail.migration-helpers';

export interface AuditFinding {
  kind: 'chain-broken' | 'record-diverged';
  table: string;
  recordId: string;
  /** The chain position concerned (chain findings). */
  seq: number | null;
  detail: string;
}

export interface AuditVerification {
  schema: string;
  /** Entries in the trail, sealed or not. */
  entries: number;
  /** Entries not chained yet: written since the last seal (the sealer runs every second). */
  unsealed: number;
  tablesChecked: string[];
  findings: AuditFinding[];
  /** Changes recorded with no application actor: made directly in the database. */
  unattributed: number;
}

interface ChainRow {
  seq: string;
  entry_id: string;
  prev_hash: string;
  hash: string;
  /** The entry's fields: all null when the chained entry no longer exists. */
  id: string | null;
  at_us: string | null;
  actor: string | null;
  table_name: string | null;
  record_id: string | null;
  operation: string | null;
  before_text: string | null;
  after_text: string | null;
}

const BATCH = 5_000;
const MAX_FINDINGS = 200;

/** The hashed text of a chain link, as CreateAuditTrail's audit_seal writes it. */
function linkHash(row: ChainRow): string {
  return createHash('sha256')
    .update(
      [
        row.seq,
        row.entry_id,
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
}

/**
 * Checks a schema's audit trail two ways, independently of the database's own functions:
 * 1. the chain: `seq` gapless from 1, each link's `prev_hash` the previous `hash`, each chained
 *    entry present and its `hash` recomputed here from the entry's stored fields — an entry
 *    edited or deleted after it was sealed breaks it; entries not sealed yet are only counted;
 * 2. the records: every row of every audited table equals its latest audited state — a row
 *    changed with the trigger bypassed (replication role, disabled trigger) diverges.
 * Seal first (`sealAuditTrail`) to have every committed entry checked by the chain.
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

  let previousHash = 'genesis';
  let expectedSeq = 1;
  for (;;) {
    const rows: ChainRow[] = await dataSource.query(
      `SELECT c.seq, c.entry_id, c.prev_hash, c.hash, l.id,
              ((extract(epoch FROM l.occurred_at) * 1000000)::bigint)::text AS at_us, l.actor,
              l.table_name, l.record_id, l.operation, l.before::text AS before_text,
              l.after::text AS after_text
         FROM ${s}.audit_chain c LEFT JOIN ${s}.audit_log l ON l.id = c.entry_id
        WHERE c.seq >= $1 ORDER BY c.seq LIMIT $2`,
      [expectedSeq, BATCH],
    );
    for (const row of rows) {
      const seq = Number(row.seq);
      const at = { table: row.table_name ?? '', recordId: row.record_id ?? '', seq };
      if (seq !== expectedSeq) {
        note({ kind: 'chain-broken', ...at, detail: `links ${expectedSeq}..${seq - 1} are missing` });
      }
      if (row.prev_hash !== previousHash) {
        note({ kind: 'chain-broken', ...at, detail: 'does not link to the one before it' });
      }
      if (row.id === null) {
        note({ kind: 'chain-broken', ...at, detail: `its entry ${row.entry_id} is missing` });
      } else if (linkHash(row) !== row.hash) {
        note({ kind: 'chain-broken', ...at, detail: 'its entry does not match its hash' });
      }
      previousHash = row.hash;
      expectedSeq = seq + 1;
    }
    if (rows.length < BATCH) break;
  }

  const [counts] = (await dataSource.query(
    `SELECT count(*)::int AS entries,
            count(*) FILTER (WHERE actor IS NULL)::int AS unattributed,
            count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM ${s}.audit_chain c WHERE c.entry_id = l.id))::int
              AS unsealed
       FROM ${s}.audit_log l`,
  )) as [{ entries: number; unattributed: number; unsealed: number }];

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
           FROM ${s}.audit_log WHERE table_name = $1 ORDER BY record_id, id DESC),
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
  return { schema, ...counts, tablesChecked: tables.map((t) => t.table), findings };
}
