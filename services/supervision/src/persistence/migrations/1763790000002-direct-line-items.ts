import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@eco/db';

/** 街镇直通车 @件 on the bureau's side, with their clocks (seed 001, annex 3). */
export class DirectLineItems1763790000002 implements MigrationInterface {
  name = 'DirectLineItems1763790000002';

  async up(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`
      CREATE TABLE ${s}.direct_line_items (
        id uuid PRIMARY KEY,
        request_id uuid NOT NULL UNIQUE,
        agency_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('POLICY_QUESTION','PROBLEM')),
        title text NOT NULL,
        body text NOT NULL,
        raised_by_name text NOT NULL,
        raised_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('AWAITING_TRIAGE','AWAITING_CLAIM','CLAIMED','HARD_CASE','ANSWERED','DECLINED')),
        triage_due_at timestamptz NOT NULL,
        triaged_at timestamptz,
        department_id uuid,
        claim_due_at timestamptz,
        claimed_at timestamptz,
        claimed_by uuid,
        interim_due_at timestamptz,
        interim_replied_at timestamptz,
        answer_due_at timestamptz,
        answered_at timestamptz,
        answer text,
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX direct_line_items_agency ON ${s}.direct_line_items (agency_id)`);
    await q.query(`CREATE INDEX direct_line_items_status ON ${s}.direct_line_items (status, raised_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ${migrationSchema(q)}.direct_line_items`);
  }
}
