import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@eco/db';

/**
 * Issue #8: supervision's part of the weekly roll-up (周汇总), kept as a snapshot: one row per week
 * (its key makes the part happen once, whichever replica gets there first) and one per responsible
 * department with its figures at the cut-off and the week's changes.
 */
export class SupervisionWeeklyRollups1795600000000 implements MigrationInterface {
  name = 'SupervisionWeeklyRollups1795600000000';

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
      CREATE TABLE ${s}.weekly_rollup_departments (
        id uuid PRIMARY KEY,
        week_of date NOT NULL REFERENCES ${s}.weekly_rollups(week_of),
        department_id uuid,
        items_open integer NOT NULL,
        items_due_this_week integer NOT NULL,
        items_overdue integer NOT NULL,
        items_new integer NOT NULL,
        items_closed integer NOT NULL,
        lights_green integer NOT NULL,
        lights_yellow integer NOT NULL,
        lights_red integer NOT NULL,
        light_changes integer NOT NULL,
        escalations_triggered integer NOT NULL,
        reports_owed integer NOT NULL,
        reports_on_time integer NOT NULL,
        reports_late integer NOT NULL,
        reports_missing integer NOT NULL,
        new_item_ids uuid[] NOT NULL,
        closed_item_ids uuid[] NOT NULL,
        turned_red_item_ids uuid[] NOT NULL,
        newly_overdue_item_ids uuid[] NOT NULL,
        escalation_ids uuid[] NOT NULL,
        CONSTRAINT weekly_rollup_departments_once UNIQUE NULLS NOT DISTINCT (week_of, department_id)
      )`);
    // The light each item showed at an instant: its latest period's latest record by then.
    await q.query(
      `CREATE INDEX light_records_latest ON ${s}.light_records (item_id, period DESC, recorded_at DESC, sequence DESC)
         INCLUDE (light)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`DROP INDEX ${s}.light_records_latest`);
    await q.query(`DROP TABLE ${s}.weekly_rollup_departments`);
    await q.query(`DROP TABLE ${s}.weekly_rollups`);
  }
}
