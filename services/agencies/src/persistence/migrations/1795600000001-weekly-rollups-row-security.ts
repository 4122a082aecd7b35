import type { MigrationInterface, QueryRunner } from 'typeorm';
import { disableAgencyRowSecurity, enableAgencyRowSecurity, migrationSchema, SCOPED_AGENCY } from '@eco/db';
import type { AgencyRowPolicy } from '@eco/db';

/**
 * A partner agency's transaction sees its own row of each week's roll-up and no other agency's
 * (ADR 0006), behind the application's own filter.
 */
export class AgenciesWeeklyRollupsRowSecurity1795600000001 implements MigrationInterface {
  name = 'AgenciesWeeklyRollupsRowSecurity1795600000001';

  private readonly policies: AgencyRowPolicy[] = [['weekly_rollup_agencies', `agency_id = ${SCOPED_AGENCY}`]];

  async up(q: QueryRunner): Promise<void> {
    await enableAgencyRowSecurity(q, migrationSchema(q), this.policies);
  }

  async down(q: QueryRunner): Promise<void> {
    await disableAgencyRowSecurity(q, migrationSchema(q), this.policies);
  }
}
