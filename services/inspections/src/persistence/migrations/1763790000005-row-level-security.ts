import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema, rowScopePolicy, SCOPED_AGENCY } from '@eco/db';

/**
 * Row-level security behind the application's checks (ADR 0006): a finding is visible to a
 * transaction scoped to an agency only once it was granted to that agency. Rounds are not
 * agency-scoped (their names show next to a granted finding).
 */
export class InspectionsRowLevelSecurity1763790000005 implements MigrationInterface {
  name = 'InspectionsRowLevelSecurity1763790000005';

  private policies(s: string): [table: string, condition: string][] {
    return [
      [
        'findings',
        `EXISTS (SELECT 1 FROM ${s}.finding_grants g WHERE g.finding_id = id AND g.agency_id = ${SCOPED_AGENCY})`,
      ],
      ['finding_grants', `agency_id = ${SCOPED_AGENCY}`],
    ];
  }

  async up(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    for (const [table, condition] of this.policies(s)) {
      await q.query(`ALTER TABLE ${s}.${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${s}.${table} FORCE ROW LEVEL SECURITY`);
      const policy = rowScopePolicy(condition);
      await q.query(`CREATE POLICY agency_rows ON ${s}.${table} USING (${policy}) WITH CHECK (${policy})`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    for (const [table] of this.policies(s)) {
      await q.query(`DROP POLICY agency_rows ON ${s}.${table}`);
      await q.query(`ALTER TABLE ${s}.${table} NO FORCE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${s}.${table} DISABLE ROW LEVEL SECURITY`);
    }
  }
}
