import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema, rowScopePolicy, SCOPED_AGENCY } from '@eco/db';

/**
 * Row-level security behind the application's checks (ADR 0006). An agency's transaction sees the
 * problems it is named on, every measure of those problems (a problem's status derives from all of
 * them; the API still shows a partner only its own measures), and the timelines of its own measures.
 * Internal-only tables (close-out, weekly reports, accountability, plans) are refused to partners by
 * the application and hold no agency-scoped rows.
 */
export class RectificationRowLevelSecurity1763790000013 implements MigrationInterface {
  name = 'RectificationRowLevelSecurity1763790000013';

  private policies(s: string): [table: string, condition: string][] {
    return [
      ['problems', `${SCOPED_AGENCY} = ANY(visible_to_agency_ids)`],
      [
        'measures',
        `EXISTS (SELECT 1 FROM ${s}.problems p WHERE p.id = problem_id AND ${SCOPED_AGENCY} = ANY(p.visible_to_agency_ids))`,
      ],
      [
        'measure_updates',
        `EXISTS (SELECT 1 FROM ${s}.measures m WHERE m.id = measure_id AND ${SCOPED_AGENCY} = ANY(m.coordinating_agency_ids))`,
      ],
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
