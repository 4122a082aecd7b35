import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@eco/db';

/** Acknowledgement SLA and completion requests on tasks; memberships and liaisons in the directory. */
export class TaskSlaAndMemberships1763790000000 implements MigrationInterface {
  name = 'TaskSlaAndMemberships1763790000000';

  async up(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`ALTER TABLE ${s}.coordination_tasks ADD COLUMN acknowledge_due_at timestamptz`);
    await q.query(`ALTER TABLE ${s}.coordination_tasks ADD COLUMN completion_requested_at timestamptz`);
    await q.query(`ALTER TABLE ${s}.coordination_tasks DROP CONSTRAINT coordination_tasks_status_check`);
    await q.query(
      `ALTER TABLE ${s}.coordination_tasks ADD CONSTRAINT coordination_tasks_status_check
         CHECK (status IN ('OPEN','ACKNOWLEDGED','IN_PROGRESS','COMPLETION_REQUESTED'))`,
    );
    await q.query(`ALTER TABLE ${s}.task_updates DROP CONSTRAINT task_updates_kind_check`);
    await q.query(
      `ALTER TABLE ${s}.task_updates ADD CONSTRAINT task_updates_kind_check
         CHECK (kind IN ('ACKNOWLEDGED','PROGRESS','COMPLETION_REQUESTED'))`,
    );
    await q.query(`
      CREATE TABLE ${s}.memberships (
        person_id uuid NOT NULL REFERENCES ${s}.people(id),
        agency_id uuid NOT NULL REFERENCES ${s}.agencies(id),
        kind text NOT NULL CHECK (kind IN ('MEMBER','LIAISON','IN_CHARGE')),
        PRIMARY KEY (person_id, agency_id, kind)
      )`);
    await q.query(`CREATE INDEX memberships_agency ON ${s}.memberships (agency_id, kind)`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`DROP TABLE ${s}.memberships`);
    await q.query(`DELETE FROM ${s}.task_updates WHERE kind = 'COMPLETION_REQUESTED'`);
    await q.query(`ALTER TABLE ${s}.task_updates DROP CONSTRAINT task_updates_kind_check`);
    await q.query(
      `ALTER TABLE ${s}.task_updates ADD CONSTRAINT task_updates_kind_check CHECK (kind IN ('ACKNOWLEDGED','PROGRESS'))`,
    );
    await q.query(
      `UPDATE ${s}.coordination_tasks SET status = 'IN_PROGRESS' WHERE status = 'COMPLETION_REQUESTED'`,
    );
    await q.query(`ALTER TABLE ${s}.coordination_tasks DROP CONSTRAINT coordination_tasks_status_check`);
    await q.query(
      `ALTER TABLE ${s}.coordination_tasks ADD CONSTRAINT coordination_tasks_status_check CHECK (status IN ('OPEN','ACKNOWLEDGED','IN_PROGRESS'))`,
    );
    await q.query(`ALTER TABLE ${s}.coordination_tasks DROP COLUMN completion_requested_at`);
    await q.query(`ALTER TABLE ${s}.coordination_tasks DROP COLUMN acknowledge_due_at`);
  }
}
