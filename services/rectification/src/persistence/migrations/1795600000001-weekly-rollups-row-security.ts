import type { MigrationInterface, QueryRunner } from 'typeorm';
import { disableAgencyRowSecurity, enableAgencyRowSecurity, migrationSchema } from '@eco/db';
import type { AgencyRowPolicy } from '@eco/db';

/**
 * A department's weekly figures are internal to the bureau: a partner agency's transaction sees
 * none of them (ADR 0006), behind the application's FORBIDDEN. The week rows themselves (when the
 * cut-off fell, which parts are in) name no agency and stay readable.
 */
export class WeeklyRollupsRowSecurity1795600000001 implements MigrationInterface {
  name = 'WeeklyRollupsRowSecurity1795600000001';

  private readonly policies: AgencyRowPolicy[] = [['weekly_rollup_departments', 'false']];

  async up(q: QueryRunner): Promise<void> {
    await enableAgencyRowSecurity(q, migrationSchema(q), this.policies);
  }

  async down(q: QueryRunner): Promise<void> {
    await disableAgencyRowSecurity(q, migrationSchema(q), this.policies);
  }
}
