import type { MigrationInterface, QueryRunner } from 'typeorm';
import { disableAgencyRowSecurity, enableAgencyRowSecurity, migrationSchema, SCOPED_AGENCY } from '@eco/db';
import type { AgencyRowPolicy } from '@eco/db';

/**
 * Row-level security behind the application's checks: agency-scoped rows are visible only to a
 * transaction whose `eco.row_scope` names their agency (or 'all'). Forced, so it binds the
 * application role whatever it owns; a session that set no scope sees none of them.
 */
export class AgenciesRowLevelSecurity1763790000003 implements MigrationInterface {
  name = 'AgenciesRowLevelSecurity1763790000003';

  private policies(s: string): AgencyRowPolicy[] {
    return [
      ['coordination_tasks', `agency_id = ${SCOPED_AGENCY}`],
      [
        'task_updates',
        `EXISTS (SELECT 1 FROM ${s}.coordination_tasks t WHERE t.id = task_id AND t.agency_id = ${SCOPED_AGENCY})`,
      ],
      ['direct_line_requests', `agency_id = ${SCOPED_AGENCY}`],
      [
        'direct_line_replies',
        `EXISTS (SELECT 1 FROM ${s}.direct_line_requests r WHERE r.id = request_id AND r.agency_id = ${SCOPED_AGENCY})`,
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
