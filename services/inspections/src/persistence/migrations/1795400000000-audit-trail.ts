import type { MigrationInterface, QueryRunner } from 'typeorm';
import { attachAuditTrail, detachAuditTrail, migrationSchema } from '@eco/db';
import type { AuditedTable } from '@eco/db';

const AUDITED: AuditedTable[] = [
  'rounds',
  'findings',
  { table: 'finding_grants', key: ['finding_id', 'agency_id'] },
  'targets',
  { table: 'target_phases', key: ['target_id', 'phase'] },
  'window_extensions',
  'checklist_items',
  'activities',
  'interviews',
  'survey_responses',
  'site_visit_checks',
  'unit_feedbacks',
];

/** Every change of a round, its units, activities and findings goes on the audit trail (ADR 0008). */
export class InspectionsAuditTrail1795400000000 implements MigrationInterface {
  name = 'InspectionsAuditTrail1795400000000';

  async up(q: QueryRunner): Promise<void> {
    await attachAuditTrail(q, migrationSchema(q), AUDITED);
  }

  async down(q: QueryRunner): Promise<void> {
    await detachAuditTrail(q, migrationSchema(q), AUDITED);
  }
}
