import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema, rowScopePolicy, SCOPED_AGENCY } from '@eco/db';

/**
 * Row-level security behind the application's checks: agency-scoped rows are visible only to a
 * transaction whose `eco.row_scope` names their agency (or 'all'). Forced, so it binds the
 * application role whatever it owns; a session that set no scope sees none of them.
 */
export class SupervisionRowLevelSecurity1763790000004 implements MigrationInterface {
  name = 'SupervisionRowLevelSecurity1763790000004';

  private policies(s: string): [table: string, condition: string][] {
    return [
      ['items', `${SCOPED_AGENCY} = ANY(involved_agency_ids)`],
      [
        'item_updates',
        `EXISTS (SELECT 1 FROM ${s}.items i WHERE i.id = item_id AND ${SCOPED_AGENCY} = ANY(i.involved_agency_ids))`,
      ],
      ['direct_line_items', `agency_id = ${SCOPED_AGENCY}`],
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
