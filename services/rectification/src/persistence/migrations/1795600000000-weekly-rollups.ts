import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@eco/db';

/**
 * Issue #8: the weekly roll-up (周汇总), kept as a snapshot. One row per week (the key makes the
 * roll-up happen once, whichever replica gets there first), one row per responsible department
 * with its figures and the week's changes, and one row per part taken (ours, supervision's and the
 * agencies', from their events) so the roll-up is announced ready once all three are in.
 */
export class WeeklyRollups1795600000000 implements MigrationInterface {
  name = 'WeeklyRollups1795600000000';

  async up(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`
      CREATE TABLE ${s}.weekly_rollups (
        week_of date PRIMARY KEY,
        cut_off_at timestamptz NOT NULL,
        moved boolean NOT NULL,
        period_starts_at timestamptz NOT NULL CHECK (period_starts_at < cut_off_at),
        week_starts_on date NOT NULL,
        week_ends_on date NOT NULL,
        weekly_reports_owed boolean NOT NULL,
        schedule jsonb NOT NULL,
        calendar_version text NOT NULL,
        taken_at timestamptz NOT NULL,
        ready_at timestamptz,
        ready_event_id uuid
      )`);
    await q.query(`CREATE INDEX weekly_rollups_week ON ${s}.weekly_rollups (week_starts_on, week_ends_on)`);
    await q.query(`
      CREATE TABLE ${s}.weekly_rollup_departments (
        id uuid PRIMARY KEY,
        week_of date NOT NULL REFERENCES ${s}.weekly_rollups(week_of),
        department_id uuid,
        measures_open integer NOT NULL,
        measures_due_this_week integer NOT NULL,
        measures_overdue integer NOT NULL,
        measures_completed integer NOT NULL,
        measures_new integer NOT NULL,
        problems_open integer NOT NULL,
        problems_new integer NOT NULL,
        problems_closed integer NOT NULL,
        weekly_reports_owed integer NOT NULL,
        weekly_reports_on_time integer NOT NULL,
        weekly_reports_late integer NOT NULL,
        weekly_reports_missing integer NOT NULL,
        new_problem_ids uuid[] NOT NULL,
        closed_problem_ids uuid[] NOT NULL,
        newly_overdue_measure_ids uuid[] NOT NULL,
        CONSTRAINT weekly_rollup_departments_once UNIQUE NULLS NOT DISTINCT (week_of, department_id)
      )`);
    await q.query(`
      CREATE TABLE ${s}.weekly_rollup_parts (
        week_of date NOT NULL,
        part text NOT NULL CHECK (part IN ('rectification', 'supervision', 'agencies')),
        cut_off_at timestamptz NOT NULL,
        taken_at timestamptz NOT NULL,
        totals jsonb NOT NULL,
        event_id uuid,
        PRIMARY KEY (week_of, part)
      )`);
    // The roll-up reads each measure's status as of two instants: an index-only walk of the
    // status changes, newest first per measure.
    await q.query(`
      CREATE INDEX measure_updates_status_changes ON ${s}.measure_updates (measure_id, at DESC, seq DESC)
        INCLUDE (status_to, status_from) WHERE status_to IS NOT NULL`);
    await q.query(
      `CREATE INDEX problem_closeouts_latest ON ${s}.problem_closeouts (problem_id, at DESC) INCLUDE (kind)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`DROP INDEX ${s}.problem_closeouts_latest`);
    await q.query(`DROP INDEX ${s}.measure_updates_status_changes`);
    await q.query(`DROP TABLE ${s}.weekly_rollup_parts`);
    await q.query(`DROP TABLE ${s}.weekly_rollup_departments`);
    await q.query(`DROP TABLE ${s}.weekly_rollups`);
  }
}
