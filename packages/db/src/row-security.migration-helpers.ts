import type { QueryRunner } from 'typeorm';
import { rowScopePolicy } from './row-scope';

/** A table and the SQL condition under which a scoped transaction may see (and write) a row. */
export type AgencyRowPolicy = [table: string, agencyCondition: string];

/**
 * Enables and forces row-level security with one `agency_rows` policy per table (ADR 0006). Used by
 * migrations: its behaviour must never change once a migration that calls it has landed — add a
 * new helper instead.
 */
export async function enableAgencyRowSecurity(
  q: QueryRunner,
  schema: string,
  policies: AgencyRowPolicy[],
): Promise<void> {
  for (const [table, condition] of policies) {
    await q.query(`ALTER TABLE ${schema}.${table} ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE ${schema}.${table} FORCE ROW LEVEL SECURITY`);
    const policy = rowScopePolicy(condition);
    await q.query(`CREATE POLICY agency_rows ON ${schema}.${table} USING (${policy}) WITH CHECK (${policy})`);
  }
}

/** Undoes enableAgencyRowSecurity. */
export async function disableAgencyRowSecurity(
  q: QueryRunner,
  schema: string,
  policies: AgencyRowPolicy[],
): Promise<void> {
  for (const [table] of policies) {
    await q.query(`DROP POLICY agency_rows ON ${schema}.${table}`);
    await q.query(`ALTER TABLE ${schema}.${table} NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE ${schema}.${table} DISABLE ROW LEVEL SECURITY`);
  }
}
