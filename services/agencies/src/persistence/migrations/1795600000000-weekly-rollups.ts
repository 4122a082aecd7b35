import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@eco/db';

/**
 * Issue #8: the agencies' part of the weekly roll-up (周汇总), kept as a snapshot: one row per week
 * (its key makes the part happen once, whichever replica gets there first) and one per outside
 * agency with its coordination tasks at the cut-off and the week's changes.
 */
export class AgenciesWeeklyRollups1795600000000 implements MigrationInterface {
  name = 'AgenciesWeeklyRollups1795600000000';

  async up(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`
      CREATE TABLE ${s}.weekly_rollups (
        week_of date PRIMARY KEY,
        cut_off_at timestamptz NOT NULL,
        period_starts_at timestamptz NOT NULL CHECK (period_starts_at < cut_off_at),
        week_starts_on date NOT NULL,
        week_ends_on date NOT NULL,
        taken_at timestamptz NOT NULL,
        event_id uuid NOT NULL
      )`);
    await q.query(`
      CREATE TABLE ${s}.weekly_rollup_agencies (
        id uuid PRIMARY KEY,
        week_of date NOT NULL REFERENCES ${s}.weekly_rollups(week_of),
        agency_id uuid NOT NULL,
        tasks_open integer NOT NULL,
        tasks_due_this_week integer NOT NULL,
        tasks_overdue integer NOT NULL,
        tasks_new integer NOT NULL,
        tasks_completed integer NOT NULL,
        tasks_acknowledged integer NOT NULL,
        acknowledgements_overdue integer NOT NULL,
        progress_reports integer NOT NULL,
        new_task_ids uuid[] NOT NULL,
        completed_task_ids uuid[] NOT NULL,
        newly_overdue_task_ids uuid[] NOT NULL,
        UNIQUE (week_of, agency_id)
      )`);
    await q.query(
      `CREATE INDEX weekly_rollup_agencies_agency ON ${s}.weekly_rollup_agencies (agency_id, week_of)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`DROP TABLE ${s}.weekly_rollup_agencies`);
    await q.query(`DROP TABLE ${s}.weekly_rollups`);
  }
}
