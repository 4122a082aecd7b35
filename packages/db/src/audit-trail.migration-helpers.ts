import type { QueryRunner } from 'typeorm';

/** The trigger name the verifier looks for to know which tables are audited. */
export const AUDIT_TRIGGER = 'audit_trail';

/** An audited table: its name, or its name and key columns when its key is not `id`. */
export type AuditedTable = string | { table: string; key: string[] };

const keyOf = (entry: AuditedTable) => (typeof entry === 'string' ? ['id'] : entry.key);
const nameOf = (entry: AuditedTable) => (typeof entry === 'string' ? entry : entry.table);

/**
 * Audits every change of `tables`, starting with their present rows as a baseline
 * (CreateAuditTrail must have run). Used by migrations: its behaviour must never change once a
 * migration that calls it has landed — add a new helper instead.
 */
export async function attachAuditTrail(
  q: QueryRunner,
  schema: string,
  tables: AuditedTable[],
): Promise<void> {
  for (const entry of tables) {
    const key = keyOf(entry);
    const args = key.map((column) => `'${column.replace(/[^a-z0-9_]/g, '')}'`).join(', ');
    await q.query(`
      CREATE TRIGGER ${AUDIT_TRIGGER} AFTER INSERT OR UPDATE OR DELETE ON ${schema}.${nameOf(entry)}
        FOR EACH ROW EXECUTE FUNCTION ${schema}.audit_row(${args})`);
    await q.query(`SELECT ${schema}.audit_baseline($1, $2::text[])`, [nameOf(entry), key]);
  }
}

/** Undoes attachAuditTrail. */
export async function detachAuditTrail(
  q: QueryRunner,
  schema: string,
  tables: AuditedTable[],
): Promise<void> {
  for (const entry of tables) await q.query(`DROP TRIGGER ${AUDIT_TRIGGER} ON ${schema}.${nameOf(entry)}`);
}
