import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@eco/db';

/**
 * Seed 001's measures (issue #6): items gain their plan, state and version; milestones, reporting
 * schedules, monthly reports, the light history, escalation flags and interviews, leader-instruction
 * handling, closure reports, progress meetings and overdue notices. None of the new tables holds
 * agency-scoped rows (they are internal to the bureau), so no row-level security is added.
 */
export class SupervisionMeasures1763800000000 implements MigrationInterface {
  name = 'SupervisionMeasures1763800000000';

  async up(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`
      ALTER TABLE ${s}.items
        ADD COLUMN platform_number text,
        ADD COLUMN year int NOT NULL DEFAULT extract(year FROM (now() AT TIME ZONE 'Asia/Shanghai'))::int,
        ADD COLUMN lead_leader_id uuid,
        ADD COLUMN goal text,
        ADD COLUMN measures text[] NOT NULL DEFAULT '{}',
        ADD COLUMN status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','CLOSED')),
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN closed_by uuid,
        ADD COLUMN closing_note text,
        ADD COLUMN direct_line_item_id uuid UNIQUE,
        ADD COLUMN version int NOT NULL DEFAULT 1`);
    await q.query(`CREATE INDEX items_year_department ON ${s}.items (year, responsible_department_id)`);
    await q.query(`
      CREATE TABLE ${s}.milestones (
        id uuid PRIMARY KEY,
        item_id uuid NOT NULL REFERENCES ${s}.items(id),
        description text NOT NULL,
        due_on date NOT NULL,
        target_percent int CHECK (target_percent BETWEEN 0 AND 100),
        completed_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX milestones_item ON ${s}.milestones (item_id, due_on)`);
    await q.query(`
      CREATE TABLE ${s}.reporting_schedules (
        id uuid PRIMARY KEY,
        category text NOT NULL UNIQUE,
        day_of_month int NOT NULL CHECK (day_of_month BETWEEN 1 AND 28),
        updated_by uuid NOT NULL,
        updated_at timestamptz NOT NULL,
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`
      CREATE TABLE ${s}.monthly_reports (
        id uuid PRIMARY KEY,
        item_id uuid NOT NULL REFERENCES ${s}.items(id),
        period text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        template text NOT NULL,
        sections jsonb NOT NULL,
        first_sections jsonb NOT NULL,
        over_limit_fields text[] NOT NULL DEFAULT '{}',
        due_at timestamptz NOT NULL,
        submitted_at timestamptz NOT NULL,
        submitted_by_person_id uuid NOT NULL,
        submitted_by_name text NOT NULL,
        revised_at timestamptz,
        version int NOT NULL DEFAULT 1,
        UNIQUE (item_id, period)
      )`);
    await q.query(`
      CREATE TABLE ${s}.light_records (
        id uuid PRIMARY KEY,
        item_id uuid NOT NULL REFERENCES ${s}.items(id),
        period text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        light text NOT NULL CHECK (light IN ('GREEN','YELLOW','RED')),
        source text NOT NULL CHECK (source IN ('PLATFORM','OFFICER','COMPUTED')),
        reason text,
        recorded_at timestamptz NOT NULL,
        recorded_by_person_id uuid,
        recorded_by_name text,
        sequence bigserial NOT NULL
      )`);
    await q.query(`CREATE INDEX light_records_item ON ${s}.light_records (item_id, period, sequence)`);
    await q.query(`
      CREATE TABLE ${s}.escalation_flags (
        id uuid PRIMARY KEY,
        item_id uuid NOT NULL REFERENCES ${s}.items(id),
        kind text NOT NULL CHECK (kind IN ('NAMED_CRITICISM','SERIOUSLY_BEHIND','OVER_LIMIT_REPORT')),
        raised_by text CHECK (raised_by IN ('DISTRICT_DEPUTY_LEADER','DISTRICT_PRINCIPAL_LEADER')),
        period text,
        occasion text,
        raised_on date NOT NULL,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX escalation_flags_item ON ${s}.escalation_flags (item_id)`);
    await q.query(`
      CREATE TABLE ${s}.escalations (
        id uuid PRIMARY KEY,
        item_id uuid NOT NULL REFERENCES ${s}.items(id),
        level int NOT NULL CHECK (level BETWEEN 1 AND 3),
        triggers jsonb NOT NULL,
        state text NOT NULL CHECK (state IN ('TRIGGERED','SCHEDULED','HELD','WAIVED')),
        interviewer_role text NOT NULL,
        interviewer_person_id uuid,
        interviewee_role text NOT NULL,
        interviewee_person_id uuid,
        triggered_at timestamptz NOT NULL,
        scheduled_at timestamptz,
        held_at timestamptz,
        notes text,
        waived_reason text,
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX escalations_item ON ${s}.escalations (item_id, triggered_at)`);
    await q.query(`
      CREATE TABLE ${s}.leader_instructions (
        id uuid PRIMARY KEY REFERENCES ${s}.items(id),
        received_at timestamptz NOT NULL,
        claim_due_at timestamptz NOT NULL,
        claimed_at timestamptz,
        claimed_by uuid,
        instruction_due_on date NOT NULL,
        feedback_due_at timestamptz NOT NULL,
        feedback_text text,
        feedback_submitted_at timestamptz,
        feedback_approved_at timestamptz,
        feedback_approved_by uuid,
        feedback_entered_at timestamptz,
        closing_report text,
        closing_reported_to_leader_on date,
        closing_report_submitted_at timestamptz,
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`
      CREATE TABLE ${s}.closure_reports (
        id uuid PRIMARY KEY REFERENCES ${s}.items(id),
        item_number text NOT NULL,
        item_name text NOT NULL,
        reporting_agency_id uuid NOT NULL,
        problem_description text NOT NULL,
        resolution text NOT NULL,
        solution_document jsonb NOT NULL,
        consent_form jsonb NOT NULL,
        submitted_at timestamptz NOT NULL,
        submitted_by uuid NOT NULL,
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`
      CREATE TABLE ${s}.progress_meetings (
        id uuid PRIMARY KEY,
        held_on date NOT NULL,
        title text NOT NULL,
        attendees text[] NOT NULL DEFAULT '{}',
        item_ids uuid[] NOT NULL DEFAULT '{}',
        problems text,
        decisions text,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX progress_meetings_held ON ${s}.progress_meetings (held_on)`);
    await q.query(`
      CREATE TABLE ${s}.report_overdue_notices (
        item_id uuid NOT NULL REFERENCES ${s}.items(id),
        period text NOT NULL,
        due_at timestamptz NOT NULL,
        detected_at timestamptz NOT NULL,
        event_id uuid NOT NULL,
        PRIMARY KEY (item_id, period)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    for (const table of [
      'report_overdue_notices',
      'progress_meetings',
      'closure_reports',
      'leader_instructions',
      'escalations',
      'escalation_flags',
      'light_records',
      'monthly_reports',
      'reporting_schedules',
      'milestones',
    ]) {
      await q.query(`DROP TABLE ${s}.${table}`);
    }
    await q.query(`DROP INDEX ${s}.items_year_department`);
    await q.query(`
      ALTER TABLE ${s}.items
        DROP COLUMN platform_number,
        DROP COLUMN year,
        DROP COLUMN lead_leader_id,
        DROP COLUMN goal,
        DROP COLUMN measures,
        DROP COLUMN status,
        DROP COLUMN closed_at,
        DROP COLUMN closed_by,
        DROP COLUMN closing_note,
        DROP COLUMN direct_line_item_id,
        DROP COLUMN version`);
  }
}
