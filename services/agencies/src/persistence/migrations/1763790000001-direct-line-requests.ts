import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@eco/db';

/** 街镇直通车 @件 as the raising township sees them, with the bureau's replies. */
export class DirectLineRequests1763790000001 implements MigrationInterface {
  name = 'DirectLineRequests1763790000001';

  async up(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`
      CREATE TABLE ${s}.direct_line_requests (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES ${s}.agencies(id),
        kind text NOT NULL CHECK (kind IN ('POLICY_QUESTION','PROBLEM')),
        title text NOT NULL,
        body text NOT NULL,
        raised_by uuid NOT NULL,
        raised_by_name text NOT NULL,
        raised_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX direct_line_requests_agency ON ${s}.direct_line_requests (agency_id, raised_at DESC)`,
    );
    await q.query(`
      CREATE TABLE ${s}.direct_line_replies (
        id uuid PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES ${s}.direct_line_requests(id),
        kind text NOT NULL CHECK (kind IN ('DECLINED','INTERIM','ANSWER')),
        text text NOT NULL,
        replied_at timestamptz NOT NULL,
        source_event_id uuid NOT NULL UNIQUE
      )`);
    await q.query(
      `CREATE INDEX direct_line_replies_request ON ${s}.direct_line_replies (request_id, replied_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`DROP TABLE ${s}.direct_line_replies`);
    await q.query(`DROP TABLE ${s}.direct_line_requests`);
  }
}
