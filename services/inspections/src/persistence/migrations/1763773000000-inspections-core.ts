import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@eco/db';

export class InspectionsCore1763773000000 implements MigrationInterface {
  name = 'InspectionsCore1763773000000';

  async up(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`
      CREATE TABLE ${s}.rounds (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        round_number int NOT NULL CHECK (round_number > 0),
        start_year int NOT NULL,
        end_year int NOT NULL,
        year int NOT NULL,
        plan_document_number text,
        group_leader_id uuid,
        deputy_group_leader_id uuid,
        period_start date,
        period_end date,
        finding_count int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (start_year <= year AND year <= end_year),
        CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start)
      )`);
    await q.query(`
      CREATE TABLE ${s}.findings (
        id uuid PRIMARY KEY,
        round_id uuid NOT NULL REFERENCES ${s}.rounds(id),
        number text NOT NULL,
        target_agency_id uuid NOT NULL,
        category text,
        title text NOT NULL,
        description text NOT NULL,
        status text NOT NULL CHECK (status IN ('DRAFT','CONFIRMED')),
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL,
        confirmed_by uuid,
        confirmed_at timestamptz,
        version int NOT NULL DEFAULT 1,
        UNIQUE (round_id, number)
      )`);
    await q.query(`
      CREATE TABLE ${s}.finding_grants (
        finding_id uuid NOT NULL REFERENCES ${s}.findings(id),
        agency_id uuid NOT NULL,
        granted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (finding_id, agency_id)
      )`);
    await q.query(`CREATE INDEX finding_grants_agency ON ${s}.finding_grants (agency_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`DROP TABLE ${s}.finding_grants`);
    await q.query(`DROP TABLE ${s}.findings`);
    await q.query(`DROP TABLE ${s}.rounds`);
  }
}
