import type { MigrationInterface, QueryRunner } from 'typeorm';
import { disableAgencyRowSecurity, enableAgencyRowSecurity, migrationSchema } from '@eco/db';
import type { AgencyRowPolicy } from '@eco/db';

/**
 * A department's weekly supervision figures are internal to the bureau: a partner agency's
 * transaction sees none of them (ADR 0006), behind the application's FORBIDDEN.
 */
export class SupervisionWeeklyRollupsRowSecurity1795600000001 implements MigrationInterface {
  name = 'SupervisionWeeklyRollupsRowSecurity1795600000001';

  private readonly policies: AgencyRowPolicy[] = [['weekly_rollup_departments', 'false']];

  async up(q: QueryRunner): Promise<void> {
    await enableAgencyRowSecurity(q, migrationSchema(q), this.policies);
  }

  async down(q: QueryRunner): Promise<void> {
    await disableAgencyRowSecurity(q, migrationSchema(q), this.policies);
  }
}
