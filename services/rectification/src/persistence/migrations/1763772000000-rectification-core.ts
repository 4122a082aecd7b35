import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@eco/db';

export class RectificationCore1763772000000 implements MigrationInterface {
  name = 'RectificationCore1763772000000';

  async up(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`
      CREATE TABLE ${s}.campaigns (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        source_kind text NOT NULL CHECK (source_kind IN ('INTERNAL_INSPECTION','MUNICIPAL_INSPECTION','AUDIT')),
        source_title text NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        office_agency_id uuid,
        leading_group jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (period_end >= period_start)
      )`);
    await q.query(`
      CREATE TABLE ${s}.problems (
        id uuid PRIMARY KEY,
        campaign_id uuid REFERENCES ${s}.campaigns(id),
        number text NOT NULL,
        source_number text,
        aspect text,
        title text NOT NULL,
        description text NOT NULL,
        lead_leader_id uuid,
        responsible_department_id uuid,
        coordinating_agency_ids uuid[] NOT NULL DEFAULT '{}',
        visible_to_agency_ids uuid[] NOT NULL DEFAULT '{}',
        source_finding_id uuid UNIQUE,
        opened_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX problems_campaign ON ${s}.problems (campaign_id)`);
    await q.query(`CREATE INDEX problems_visible_to ON ${s}.problems USING gin (visible_to_agency_ids)`);
    await q.query(`
      CREATE TABLE ${s}.measures (
        id uuid PRIMARY KEY,
        problem_id uuid NOT NULL REFERENCES ${s}.problems(id),
        sequence text NOT NULL,
        text text NOT NULL,
        responsible_agency_id uuid,
        coordinating_agency_ids uuid[] NOT NULL DEFAULT '{}',
        deadline_kind text NOT NULL CHECK (deadline_kind IN ('DATE','DATE_RANGE','MONTH_END','LONG_TERM','NONE')),
        starts_on date,
        due_on date,
        deadline_label text NOT NULL,
        due_at timestamptz,
        status text NOT NULL CHECK (status IN ('NOT_STARTED','IN_PROGRESS','COMPLETED')),
        evidence_notes text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX measures_problem ON ${s}.measures (problem_id)`);
    await q.query(`CREATE INDEX measures_coordinating ON ${s}.measures USING gin (coordinating_agency_ids)`);
    await q.query(`
      CREATE TABLE ${s}.measure_updates (
        id uuid PRIMARY KEY,
        measure_id uuid NOT NULL REFERENCES ${s}.measures(id),
        kind text NOT NULL,
        note text,
        actor_person_id uuid,
        actor_name text,
        actor_agency_id uuid,
        evidence jsonb NOT NULL DEFAULT '[]',
        source_event_id uuid,
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX measure_updates_measure ON ${s}.measure_updates (measure_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`DROP TABLE ${s}.measure_updates`);
    await q.query(`DROP TABLE ${s}.measures`);
    await q.query(`DROP TABLE ${s}.problems`);
    await q.query(`DROP TABLE ${s}.campaigns`);
  }
}
