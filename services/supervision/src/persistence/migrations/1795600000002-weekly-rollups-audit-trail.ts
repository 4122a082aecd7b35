import type { MigrationInterface, QueryRunner } from 'typeorm';
import { attachAuditTrail, detachAuditTrail, migrationSchema } from '@eco/db';
import type { AuditedTable } from '@eco/db';

const AUDITED: AuditedTable[] = [{ table: 'weekly_rollups', key: ['week_of'] }, 'weekly_rollup_departments'];

/** The roll-up snapshots go on the audit trail like every other record (ADR 0008). */
export class SupervisionWeeklyRollupsAuditTrail1795600000002 implements MigrationInterface {
  name = 'SupervisionWeeklyRollupsAuditTrail1795600000002';

  async up(q: QueryRunner): Promise<void> {
    await attachAuditTrail(q, migrationSchema(q), AUDITED);
  }

  async down(q: QueryRunner): Promise<void> {
    await detachAuditTrail(q, migrationSchema(q), AUDITED);
  }
}
