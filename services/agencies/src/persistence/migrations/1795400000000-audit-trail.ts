import type { MigrationInterface, QueryRunner } from 'typeorm';
import { attachAuditTrail, detachAuditTrail, migrationSchema } from '@eco/db';
import type { AuditedTable } from '@eco/db';

const AUDITED: AuditedTable[] = [
  'agencies',
  'people',
  { table: 'memberships', key: ['person_id', 'agency_id', 'kind'] },
  'coordination_tasks',
  'task_updates',
  'direct_line_requests',
  'direct_line_replies',
];

/** Every change of the directory, the inboxes and the direct line goes on the audit trail (ADR 0008). */
export class AgenciesAuditTrail1795400000000 implements MigrationInterface {
  name = 'AgenciesAuditTrail1795400000000';

  async up(q: QueryRunner): Promise<void> {
    await attachAuditTrail(q, migrationSchema(q), AUDITED);
  }

  async down(q: QueryRunner): Promise<void> {
    await detachAuditTrail(q, migrationSchema(q), AUDITED);
  }
}
