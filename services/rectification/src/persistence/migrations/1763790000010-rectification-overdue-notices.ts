import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@eco/db';

/**
 * Issue #5: one row per overdue weekly report noticed. The key makes the notice (and its outbox
 * row, written in the same transaction) happen once, whichever replica gets there first.
 */
export class RectificationOverdueNotices1763790000010 implements MigrationInterface {
  name = 'RectificationOverdueNotices1763790000010';

  async up(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`
      CREATE TABLE ${s}.weekly_report_overdue_notices (
        campaign_id uuid NOT NULL REFERENCES ${s}.campaigns(id),
        agency_id uuid NOT NULL,
        week_date date NOT NULL,
        due_at timestamptz NOT NULL,
        detected_at timestamptz NOT NULL,
        event_id uuid NOT NULL,
        PRIMARY KEY (campaign_id, agency_id, week_date)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`DROP TABLE ${s}.weekly_report_overdue_notices`);
  }
}
