import type { MigrationInterface, QueryRunner } from 'typeorm';
import { attachAuditTrail, detachAuditTrail, migrationSchema } from '@eco/db';
import type { AuditedTable } from '@eco/db';

const AUDITED: AuditedTable[] = [
  'items',
  'item_updates',
  'direct_line_items',
  'milestones',
  'reporting_schedules',
  'monthly_reports',
  'light_records',
  'escalation_flags',
  'escalations',
  'leader_instructions',
  'closure_reports',
  'progress_meetings',
  { table: 'report_overdue_notices', key: ['item_id', 'period'] },
];

/** Every change of supervised items, their reports, lights and escalations goes on the audit trail (ADR 0008). */
export class SupervisionAuditTrail1795400000000 implements MigrationInterface {
  name = 'SupervisionAuditTrail1795400000000';

  async up(q: QueryRunner): Promise<void> {
    await attachAuditTrail(q, migrationSchema(q), AUDITED);
  }

  async down(q: QueryRunner): Promise<void> {
    await detachAuditTrail(q, migrationSchema(q), AUDITED);
  }
}
