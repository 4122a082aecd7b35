import type { MigrationInterface, QueryRunner } from 'typeorm';
import { disableAgencyRowSecurity, enableAgencyRowSecurity, migrationSchema, SCOPED_AGENCY } from '@eco/db';
import type { AgencyRowPolicy } from '@eco/db';

/**
 * Row-level security behind the application's checks (ADR 0006): a finding is visible to a
 * transaction scoped to an agency only once it was granted to that agency. Rounds are not
 * agency-scoped (their names show next to a granted finding).
 */
export class InspectionsRowLevelSecurity1763790000005 implements MigrationInterface {
  name = 'InspectionsRowLevelSecurity1763790000005';

  private policies(s: string): AgencyRowPolicy[] {
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
    await enableAgencyRowSecurity(q, s, this.policies(s));
  }

  async down(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await disableAgencyRowSecurity(q, s, this.policies(s));
  }
}
