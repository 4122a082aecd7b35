import type { MigrationInterface, QueryRunner } from 'typeorm';
import { attachAuditTrail, detachAuditTrail } from './audit-trail.migration-helpers';
import { migrationSchema } from './migration-schema';

/** What operators did to the service's plumbing (e.g. replaying a dead letter), on the audit trail. */
export class CreateOperatorActions1795300000003 implements MigrationInterface {
  name = 'CreateOperatorActions1795300000003';

  async up(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`
      CREATE TABLE ${s}.operator_actions (
        id uuid PRIMARY KEY,
        action text NOT NULL,
        target text NOT NULL,
        outcome text NOT NULL,
        operator text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await attachAuditTrail(q, s, ['operator_actions']);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await detachAuditTrail(q, s, ['operator_actions']);
    await q.query(`DROP TABLE ${s}.operator_actions`);
  }
}
