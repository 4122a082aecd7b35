import type { MigrationInterface, QueryRunner } from 'typeorm';
import { attachAuditTrail, detachAuditTrail, migrationSchema } from '@eco/db';
import type { AuditedTable } from '@eco/db';

const AUDITED: AuditedTable[] = [
  'campaigns',
  'problems',
  'measures',
  'measure_updates',
  { table: 'measure_follow_up_plans', key: ['measure_id'] },
  { table: 'weekly_report_overdue_notices', key: ['campaign_id', 'agency_id', 'week_date'] },
  'problem_closeouts',
  'weekly_reports',
  { table: 'discipline_figures', key: ['campaign_id', 'as_of'] },
  'accountability_records',
];

/** Every change of campaigns, problems, measures and reports goes on the audit trail (ADR 0008). */
export class RectificationAuditTrail1795400000000 implements MigrationInterface {
  name = 'RectificationAuditTrail1795400000000';

  async up(q: QueryRunner): Promise<void> {
    await attachAuditTrail(q, migrationSchema(q), AUDITED);
  }

  async down(q: QueryRunner): Promise<void> {
    await detachAuditTrail(q, migrationSchema(q), AUDITED);
  }
}
