import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@eco/db';

export class AgenciesCore1763771000000 implements MigrationInterface {
  name = 'AgenciesCore1763771000000';

  async up(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`
      CREATE TABLE ${s}.agencies (
        id uuid PRIMARY KEY,
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('BUREAU_LEADERSHIP','INTERNAL_DEPARTMENT','AFFILIATED_UNIT','TOWN','SUB_DISTRICT','ENFORCEMENT_BUREAU','OTHER_OFFICE')),
        parent_id uuid REFERENCES ${s}.agencies(id)
      )`);
    await q.query(`
      CREATE TABLE ${s}.people (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        title text,
        agency_id uuid NOT NULL REFERENCES ${s}.agencies(id),
        roles text[] NOT NULL
      )`);
    await q.query(`CREATE INDEX people_agency ON ${s}.people (agency_id)`);
    await q.query(`
      CREATE TABLE ${s}.coordination_tasks (
        id uuid PRIMARY KEY,
        seq bigserial NOT NULL UNIQUE,
        agency_id uuid NOT NULL,
        subject_kind text NOT NULL CHECK (subject_kind IN ('MEASURE','SUPERVISION_ITEM')),
        subject_id uuid NOT NULL,
        problem_id uuid,
        finding_id uuid,
        title text NOT NULL,
        status text NOT NULL CHECK (status IN ('OPEN','ACKNOWLEDGED','IN_PROGRESS')),
        due_at timestamptz,
        opened_at timestamptz NOT NULL,
        acknowledged_at timestamptz,
        acknowledged_by uuid,
        source_event_id uuid NOT NULL,
        version int NOT NULL DEFAULT 1,
        UNIQUE (agency_id, subject_kind, subject_id)
      )`);
    await q.query(`CREATE INDEX coordination_tasks_inbox ON ${s}.coordination_tasks (agency_id, seq DESC)`);
    await q.query(`
      CREATE TABLE ${s}.task_updates (
        id uuid PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES ${s}.coordination_tasks(id),
        kind text NOT NULL CHECK (kind IN ('ACKNOWLEDGED','PROGRESS')),
        note text,
        person_id uuid NOT NULL,
        person_name text NOT NULL,
        evidence jsonb NOT NULL DEFAULT '[]',
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX task_updates_task ON ${s}.task_updates (task_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`DROP TABLE ${s}.task_updates`);
    await q.query(`DROP TABLE ${s}.coordination_tasks`);
    await q.query(`DROP TABLE ${s}.people`);
    await q.query(`DROP TABLE ${s}.agencies`);
  }
}
