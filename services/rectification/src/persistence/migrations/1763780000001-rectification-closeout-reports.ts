import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@eco/db';

/**
 * Issue #5: measure verification and completion time, close-out records, weekly reports, discipline
 * figures for the public notice, accountability records, and the campaign's report-received date.
 */
export class RectificationCloseoutReports1763780000001 implements MigrationInterface {
  name = 'RectificationCloseoutReports1763780000001';

  async up(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`
      ALTER TABLE ${s}.campaigns
        ADD COLUMN report_received_on date,
        ADD COLUMN weekly_reports_start_on date`);
    await q.query(`
      ALTER TABLE ${s}.measures
        ADD COLUMN verification text NOT NULL DEFAULT 'NONE'
          CHECK (verification IN ('NONE','SUBMITTED','ACCEPTED','RETURNED')),
        ADD COLUMN completed_at timestamptz`);
    await q.query(`
      ALTER TABLE ${s}.measure_updates
        ADD COLUMN status_from text,
        ADD COLUMN status_to text,
        ADD COLUMN evidence_notes text[] NOT NULL DEFAULT '{}'`);
    await q.query(`
      CREATE TABLE ${s}.problem_closeouts (
        id uuid PRIMARY KEY,
        problem_id uuid NOT NULL REFERENCES ${s}.problems(id),
        kind text NOT NULL CHECK (kind IN ('CLOSED','REOPENED')),
        reason text,
        actor_person_id uuid,
        actor_name text,
        actor_agency_id uuid,
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX problem_closeouts_problem ON ${s}.problem_closeouts (problem_id, at)`);
    await q.query(`
      CREATE TABLE ${s}.weekly_reports (
        id uuid PRIMARY KEY,
        campaign_id uuid NOT NULL REFERENCES ${s}.campaigns(id),
        agency_id uuid NOT NULL,
        week_date date NOT NULL,
        due_at timestamptz NOT NULL,
        progress text NOT NULL,
        practices text NOT NULL,
        difficulties text,
        submitted_by_person_id uuid,
        submitted_by_name text,
        submitted_at timestamptz NOT NULL,
        revised_at timestamptz,
        UNIQUE (campaign_id, agency_id, week_date)
      )`);
    await q.query(`CREATE INDEX weekly_reports_week ON ${s}.weekly_reports (campaign_id, week_date)`);
    await q.query(`
      CREATE TABLE ${s}.discipline_figures (
        campaign_id uuid NOT NULL REFERENCES ${s}.campaigns(id),
        as_of date NOT NULL,
        cases_filed integer NOT NULL CHECK (cases_filed >= 0),
        people_disciplined integer NOT NULL CHECK (people_disciplined >= 0),
        admonishment_talks integer NOT NULL CHECK (admonishment_talks >= 0),
        regulations_created integer NOT NULL CHECK (regulations_created >= 0),
        regulations_revised integer NOT NULL CHECK (regulations_revised >= 0),
        recorded_by_person_id uuid,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (campaign_id, as_of)
      )`);
    await q.query(`
      CREATE TABLE ${s}.accountability_records (
        id uuid PRIMARY KEY,
        problem_id uuid NOT NULL REFERENCES ${s}.problems(id),
        kind text NOT NULL CHECK (kind IN ('INTERVIEW','ACCOUNTABILITY')),
        person_ids uuid[] NOT NULL DEFAULT '{}',
        agency_id uuid,
        reason text NOT NULL,
        decided_on date NOT NULL,
        recorded_by_person_id uuid,
        recorded_by_name text,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX accountability_records_problem ON ${s}.accountability_records (problem_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`DROP TABLE ${s}.accountability_records`);
    await q.query(`DROP TABLE ${s}.discipline_figures`);
    await q.query(`DROP TABLE ${s}.weekly_reports`);
    await q.query(`DROP TABLE ${s}.problem_closeouts`);
    await q.query(
      `ALTER TABLE ${s}.measure_updates DROP COLUMN evidence_notes, DROP COLUMN status_to, DROP COLUMN status_from`,
    );
    await q.query(`ALTER TABLE ${s}.measures DROP COLUMN completed_at, DROP COLUMN verification`);
    await q.query(
      `ALTER TABLE ${s}.campaigns DROP COLUMN weekly_reports_start_on, DROP COLUMN report_received_on`,
    );
  }
}
