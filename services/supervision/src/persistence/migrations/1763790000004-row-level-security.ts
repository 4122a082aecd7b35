import type { MigrationInterface, QueryRunner } from 'typeorm';
import { disableAgencyRowSecurity, enableAgencyRowSecurity, migrationSchema, SCOPED_AGENCY } from '@eco/db';
import type { AgencyRowPolicy } from '@eco/db';

/**
 * Row-level security behind the application's checks: agency-scoped rows are visible only to a
 * transaction whose `eco.row_scope` names their agency (or 'all'). Forced, so it binds the
 * application role whatever it owns; a session that set no scope sees none of them.
 */
export class SupervisionRowLevelSecurity1763790000004 implements MigrationInterface {
  name = 'SupervisionRowLevelSecurity1763790000004';

  private policies(s: string): AgencyRowPolicy[] {
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
    await enableAgencyRowSecurity(q, s, this.policies(s));
  }

  async down(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await disableAgencyRowSecurity(q, s, this.policies(s));
  }
}
