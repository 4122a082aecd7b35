import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@eco/db';

/**
 * Seed 002 §2: a measure unfinished at the report deadline needs a follow-up plan (route and
 * timetable). One current plan per measure; earlier ones live on in the measure's timeline.
 */
export class FollowUpPlans1763790000012 implements MigrationInterface {
  name = 'FollowUpPlans1763790000012';

  async up(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`
      CREATE TABLE ${s}.measure_follow_up_plans (
        measure_id uuid PRIMARY KEY REFERENCES ${s}.measures(id),
        route text NOT NULL CHECK (length(route) BETWEEN 1 AND 1000),
        timetable jsonb NOT NULL CHECK (jsonb_typeof(timetable) = 'array'),
        recorded_at timestamptz NOT NULL,
        recorded_by_person_id uuid,
        recorded_by_name text
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    // The timeline entries go too: the code before this migration knows no FOLLOW_UP_PLAN kind.
    await q.query(`DELETE FROM ${s}.measure_updates WHERE kind = 'FOLLOW_UP_PLAN'`);
    await q.query(`DROP TABLE ${s}.measure_follow_up_plans`);
  }
}
