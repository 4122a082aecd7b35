import type { MigrationInterface, QueryRunner } from 'typeorm';
import { disableAgencyRowSecurity, enableAgencyRowSecurity, migrationSchema, SCOPED_AGENCY } from '@eco/db';
import type { AgencyRowPolicy } from '@eco/db';

/**
 * Row-level security behind the application's checks (ADR 0006). An agency's transaction sees the
 * problems it is named on, every measure of those problems (a problem's status derives from all of
 * them; the API still shows a partner only its own measures), and the timelines of its own measures.
 * Internal-only tables (close-out, weekly reports, accountability, plans) are refused to partners by
 * the application and hold no agency-scoped rows.
 */
export class RectificationRowLevelSecurity1763790000013 implements MigrationInterface {
  name = 'RectificationRowLevelSecurity1763790000013';

  private policies(s: string): AgencyRowPolicy[] {
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
    await enableAgencyRowSecurity(q, s, this.policies(s));
  }

  async down(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await disableAgencyRowSecurity(q, s, this.policies(s));
  }
}
